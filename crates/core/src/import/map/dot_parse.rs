//! A linear reader for the DOT that Graphviz files use: `strict`, `graph`/`digraph`, node,
//! edge and attribute statements, `ID = ID`, chains (`a -> b -> c`), subgraphs as ends
//! (`a -> {b c}`), nested subgraphs with their own defaults, ports (`a:p:n`, dropped), quoted
//! strings with `+` joins, HTML-like ids (reduced to their text) and all three comment styles.
//! One pass makes tokens, one more reads them; recursion is once per nested subgraph, which
//! `import::limits::dot_depth` bounds before reading. Clusters (`subgraph cluster_…`, the
//! prefix in any case) are kept with their label and the nodes in them.
//!
//! Values stay as written (quoted strings with their quotes) and [`unquote`] reads them, so
//! `\N` can be filled in with the node's name.

use std::collections::HashMap;

/// A DOT ID as text: quotes removed and escapes read.
pub fn unquote(raw: &str, node_name: &str) -> String {
    let raw = match raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(inner) if !inner.ends_with('\\') || inner.ends_with("\\\\") => inner,
        _ => raw,
    };
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('n' | 'l' | 'r') => out.push('\n'),
            Some('N') => out.push_str(node_name),
            // A line continuation, also in a file saved with CRLF line ends.
            Some('\n') => {}
            Some('\r') if chars.peek() == Some(&'\n') => {
                chars.next();
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The graph as the importer needs it.
#[derive(Debug, Default)]
pub struct Parsed {
    pub directed: bool,
    /// The top graph's own attributes (`graph [...]` and `k = v` at the top).
    pub graph: Vec<(String, String)>,
    /// Nodes in the order first named, with every attribute given them (defaults first).
    pub nodes: Vec<PNode>,
    pub edges: Vec<PEdge>,
    pub clusters: Vec<Cluster>,
}

#[derive(Debug)]
pub struct PNode {
    /// The name as written (quoted ids keep their quotes).
    pub id: String,
    pub attrs: Vec<(String, String)>,
    /// The innermost cluster it was named in.
    pub cluster: Option<usize>,
}

#[derive(Debug)]
pub struct PEdge {
    pub from: usize,
    pub to: usize,
    pub attrs: Vec<(String, String)>,
}

#[derive(Debug)]
pub struct Cluster {
    /// The subgraph's name as written.
    pub id: String,
    pub attrs: Vec<(String, String)>,
    pub parent: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Id(String),
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Eq,
    Semi,
    Comma,
    Colon,
    Edge,
}

struct Lexed {
    toks: Vec<(Tok, u32, u32)>,
    end: (u32, u32),
}

fn err(line: u32, col: u32, what: &str) -> String {
    format!("The DOT file cannot be read. Line {line}, column {col}: {what}.")
}

fn lex(text: &str) -> Result<Lexed, String> {
    let b = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 4);
    let (mut i, mut line, mut line_start) = (0usize, 1u32, 0usize);
    let col = |i: usize, start: usize| (text[start..i].chars().count() + 1) as u32;
    let mut at_line_start = true;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            line += 1;
            i += 1;
            line_start = i;
            at_line_start = true;
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        // Comments end at any line break, `\r` alone too (as `limits::dot_depth` reads them).
        if (c == b'#' && at_line_start) || (c == b'/' && b.get(i + 1) == Some(&b'/')) {
            while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                i += 1;
            }
            continue;
        }
        at_line_start = false;
        if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let (l, cl) = (line, col(i, line_start));
            i += 2;
            loop {
                if i >= b.len() {
                    return Err(err(l, cl, "a comment \u{201c}/*\u{201d} is never closed"));
                }
                if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                    i += 2;
                    break;
                }
                if b[i] == b'\n' {
                    line += 1;
                    line_start = i + 1;
                }
                i += 1;
            }
            continue;
        }
        let (l, cl) = (line, col(i, line_start));
        let single = match c {
            b'{' => Some(Tok::LBrace),
            b'}' => Some(Tok::RBrace),
            b'[' => Some(Tok::LBracket),
            b']' => Some(Tok::RBracket),
            b'=' => Some(Tok::Eq),
            b';' => Some(Tok::Semi),
            b',' => Some(Tok::Comma),
            b':' => Some(Tok::Colon),
            _ => None,
        };
        if let Some(t) = single {
            toks.push((t, l, cl));
            i += 1;
            continue;
        }
        if c == b'-' && matches!(b.get(i + 1), Some(b'>' | b'-')) {
            toks.push((Tok::Edge, l, cl));
            i += 2;
            continue;
        }
        if c == b'"' {
            // A quoted string, and any `+ "..."` joined to it.
            let mut raw = String::from("\"");
            loop {
                let start = i + 1;
                let mut j = start;
                while j < b.len() && b[j] != b'"' {
                    // As `limits::dot_depth` reads strings: `\"` never ends one.
                    if b[j] == b'\\' && b.get(j + 1) == Some(&b'"') {
                        j += 1;
                    }
                    if b[j] == b'\n' {
                        line += 1;
                        line_start = j + 1;
                    }
                    j += 1;
                }
                if j >= b.len() {
                    return Err(err(l, cl, "a quoted string is never closed"));
                }
                raw.push_str(&text[start..j]);
                i = j + 1;
                // Look past spaces for `+ "`.
                let mut k = i;
                while k < b.len() && b[k].is_ascii_whitespace() {
                    k += 1;
                }
                if b.get(k) == Some(&b'+') {
                    let mut m = k + 1;
                    while m < b.len() && b[m].is_ascii_whitespace() {
                        m += 1;
                    }
                    if b.get(m) == Some(&b'"') {
                        for (off, ch) in b[i..m].iter().enumerate() {
                            if *ch == b'\n' {
                                line += 1;
                                line_start = i + off + 1;
                            }
                        }
                        i = m;
                        continue;
                    }
                }
                break;
            }
            raw.push('"');
            toks.push((Tok::Id(raw), l, cl));
            continue;
        }
        if c == b'<' {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'<' => depth += 1,
                    b'>' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    b'\n' => {
                        line += 1;
                        line_start = j + 1;
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= b.len() {
                return Err(err(
                    l,
                    cl,
                    "an HTML-like label \u{201c}<\u{201d} is never closed",
                ));
            }
            let inner = super::html::to_text(&text[i + 1..j], true);
            toks.push((Tok::Id(crate::export::map::dot::quote(&inner)), l, cl));
            i = j + 1;
            continue;
        }
        let is_word = |ch: char| ch.is_alphanumeric() || ch == '_' || ch == '.' || !ch.is_ascii();
        let first = text[i..].chars().next().unwrap_or(' ');
        if is_word(first)
            || (c == b'-'
                && b.get(i + 1)
                    .is_some_and(|d| d.is_ascii_digit() || *d == b'.'))
        {
            let mut j = i + first.len_utf8();
            for ch in text[j..].chars() {
                if !is_word(ch) {
                    break;
                }
                j += ch.len_utf8();
            }
            toks.push((Tok::Id(text[i..j].to_string()), l, cl));
            i = j;
            continue;
        }
        return Err(err(
            l,
            cl,
            &format!("did not expect \u{201c}{first}\u{201d}"),
        ));
    }
    Ok(Lexed {
        toks,
        end: (line, col(b.len(), line_start)),
    })
}

/// The defaults and cluster in force inside one pair of braces.
#[derive(Clone)]
struct Scope {
    node: Vec<(String, String)>,
    edge: Vec<(String, String)>,
    cluster: Option<usize>,
    /// True inside the cluster's own braces (not a plain subgraph within it).
    own: bool,
}

struct Parser {
    toks: Vec<(Tok, u32, u32)>,
    end: (u32, u32),
    at: usize,
    out: Parsed,
    index: HashMap<String, usize>,
    /// How many subgraphs deep the reader is (graph attributes count as the map's only at 0).
    depth: usize,
}

fn keyword(t: &Tok, word: &str) -> bool {
    matches!(t, Tok::Id(s) if s.eq_ignore_ascii_case(word))
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at).map(|t| &t.0)
    }

    fn expected(&self, what: &str) -> String {
        match self.toks.get(self.at) {
            Some((_, l, c)) => err(*l, *c, &format!("expected {what}")),
            None => err(
                self.end.0,
                self.end.1,
                &format!("expected {what}, but the file ends"),
            ),
        }
    }

    fn eat(&mut self, t: &Tok) -> bool {
        if self.peek() == Some(t) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn id(&mut self, what: &str) -> Result<String, String> {
        match self.peek() {
            Some(Tok::Id(s)) => {
                let s = s.clone();
                self.at += 1;
                Ok(s)
            }
            _ => Err(self.expected(what)),
        }
    }

    /// `[a=b, c=d][e=f]`, as many lists as follow.
    fn attr_lists(&mut self) -> Result<Vec<(String, String)>, String> {
        let mut out = Vec::new();
        while self.eat(&Tok::LBracket) {
            loop {
                if self.eat(&Tok::RBracket) {
                    break;
                }
                let k = self.id("an attribute name or \u{201c}]\u{201d}")?;
                let v = if self.eat(&Tok::Eq) {
                    self.id("a value")?
                } else {
                    "true".to_string()
                };
                out.push((k, v));
                let _ = self.eat(&Tok::Comma) || self.eat(&Tok::Semi);
            }
        }
        Ok(out)
    }

    fn node(&mut self, id: String, scope: &Scope) -> usize {
        if let Some(&n) = self.index.get(&id) {
            // Named again inside a cluster nested in its own: it moves in.
            if let Some(c) = scope.cluster
                && self.inside(c, self.out.nodes[n].cluster)
            {
                self.out.nodes[n].cluster = Some(c);
            }
            return n;
        }
        let n = self.out.nodes.len();
        self.index.insert(id.clone(), n);
        self.out.nodes.push(PNode {
            id,
            attrs: scope.node.clone(),
            cluster: scope.cluster,
        });
        n
    }

    /// True when cluster `c` sits inside `outer` (or `outer` is none).
    fn inside(&self, c: usize, outer: Option<usize>) -> bool {
        let Some(outer) = outer else { return true };
        let mut at = self.out.clusters[c].parent;
        while let Some(p) = at {
            if p == outer {
                return true;
            }
            at = self.out.clusters[p].parent;
        }
        false
    }

    /// A node id with an optional port, or a subgraph: the nodes it stands for.
    fn end(&mut self, scope: &Scope) -> Result<Vec<usize>, String> {
        if self.peek() == Some(&Tok::LBrace) || self.peek().is_some_and(|t| keyword(t, "subgraph"))
        {
            return self.subgraph(scope);
        }
        let id = self.id("a node name or value")?;
        // Ports: `a:port` or `a:port:compass`.
        while self.eat(&Tok::Colon) {
            self.id("a port name")?;
        }
        Ok(vec![self.node(id, scope)])
    }

    fn subgraph(&mut self, scope: &Scope) -> Result<Vec<usize>, String> {
        let mut inner = scope.clone();
        inner.own = false;
        if self.peek().is_some_and(|t| keyword(t, "subgraph")) {
            self.at += 1;
            if let Some(Tok::Id(name)) = self.peek() {
                let name = name.clone();
                self.at += 1;
                let bare = unquote(&name, "");
                // Graphviz compares the prefix in any case (`Cluster_A` is a cluster).
                if bare
                    .get(..7)
                    .is_some_and(|p| p.eq_ignore_ascii_case("cluster"))
                {
                    let c = self.out.clusters.len();
                    self.out.clusters.push(Cluster {
                        id: name,
                        attrs: Vec::new(),
                        parent: scope.cluster,
                    });
                    inner.cluster = Some(c);
                    inner.own = true;
                }
            }
        }
        if !self.eat(&Tok::LBrace) {
            return Err(self.expected("\u{201c}{\u{201d}"));
        }
        let mut named = Vec::new();
        if self.depth >= crate::import::limits::MAX_DOT_DEPTH {
            return Err(self
                .expected("no more nested subgraphs (this one goes deeper than this app reads)"));
        }
        self.depth += 1;
        self.statements(&mut inner, &mut named)?;
        self.depth -= 1;
        if !self.eat(&Tok::RBrace) {
            return Err(self.expected("a node, a link or an attribute, or \u{201c}}\u{201d}"));
        }
        Ok(named)
    }

    /// Statements up to the closing brace (not eaten); `named` gathers every node named.
    fn statements(&mut self, scope: &mut Scope, named: &mut Vec<usize>) -> Result<(), String> {
        loop {
            match self.peek() {
                None | Some(Tok::RBrace) => return Ok(()),
                Some(Tok::Semi | Tok::Comma) => {
                    self.at += 1;
                    continue;
                }
                _ => {}
            }
            let t = self.peek().cloned().expect("peeked");
            let defaults = ["graph", "node", "edge"]
                .into_iter()
                .find(|w| keyword(&t, w))
                .filter(|_| self.toks.get(self.at + 1).map(|x| &x.0) == Some(&Tok::LBracket));
            if let Some(w) = defaults {
                self.at += 1;
                let attrs = self.attr_lists()?;
                match w {
                    "node" => scope.node.extend(attrs),
                    "edge" => scope.edge.extend(attrs),
                    _ => self.graph_attrs(scope, attrs),
                }
                continue;
            }
            if matches!(t, Tok::Id(_)) && self.toks.get(self.at + 1).map(|x| &x.0) == Some(&Tok::Eq)
            {
                let k = self.id("a name")?;
                self.at += 1;
                let v = self.id("a value")?;
                self.graph_attrs(scope, vec![(k, v)]);
                continue;
            }
            if !matches!(t, Tok::Id(_) | Tok::LBrace) {
                return Err(self.expected("a node, a link or an attribute"));
            }
            // A node statement or a chain of edges.
            let mut ends = vec![self.end(scope)?];
            while self.eat(&Tok::Edge) {
                ends.push(self.end(scope)?);
            }
            let attrs = self.attr_lists()?;
            for e in &ends {
                named.extend(e.iter().copied());
            }
            if ends.len() == 1 {
                let is_subgraph = matches!(t, Tok::LBrace) || keyword(&t, "subgraph");
                if !is_subgraph {
                    let n = ends[0][0];
                    self.out.nodes[n].attrs.extend(attrs);
                }
                continue;
            }
            for pair in ends.windows(2) {
                for &from in &pair[0] {
                    for &to in &pair[1] {
                        let mut all = scope.edge.clone();
                        all.extend(attrs.iter().cloned());
                        self.out.edges.push(PEdge {
                            from,
                            to,
                            attrs: all,
                        });
                    }
                }
            }
        }
    }

    fn graph_attrs(&mut self, scope: &Scope, attrs: Vec<(String, String)>) {
        match scope.cluster {
            Some(c) if scope.own => self.out.clusters[c].attrs.extend(attrs),
            None if self.depth == 0 => self.out.graph.extend(attrs),
            _ => {}
        }
    }
}

/// Reads a DOT file. Errors name the line and column in words.
pub fn parse(text: &str) -> Result<Parsed, String> {
    let lexed = lex(text)?;
    let mut p = Parser {
        toks: lexed.toks,
        end: lexed.end,
        at: 0,
        out: Parsed::default(),
        index: HashMap::new(),
        depth: 0,
    };
    if p.peek().is_some_and(|t| keyword(t, "strict")) {
        p.at += 1;
    }
    match p.peek() {
        Some(t) if keyword(t, "digraph") => p.out.directed = true,
        Some(t) if keyword(t, "graph") => p.out.directed = false,
        _ => return Err(p.expected("\u{201c}graph\u{201d} or \u{201c}digraph\u{201d}")),
    }
    p.at += 1;
    if let Some(Tok::Id(_)) = p.peek() {
        p.at += 1;
    }
    if !p.eat(&Tok::LBrace) {
        return Err(p.expected("\u{201c}{\u{201d}"));
    }
    let mut scope = Scope {
        node: Vec::new(),
        edge: Vec::new(),
        cluster: None,
        own: false,
    };
    let mut named = Vec::new();
    p.statements(&mut scope, &mut named)?;
    if !p.eat(&Tok::RBrace) {
        return Err(p.expected("a node, a link or an attribute, or \u{201c}}\u{201d}"));
    }
    if p.at < p.toks.len() {
        return Err(p.expected("the end of the file"));
    }
    Ok(p.out)
}
