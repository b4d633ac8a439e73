//! XML map files as the real tools write them (yEd desktop and Live, Gephi, Cytoscape,
//! CmapTools), written here from each tool's actual output, and what a facilitator should see
//! after importing them. The text formats are in `map_formats_wild_text`; the helpers here
//! serve both.

use cstw_core::import::map::{Imported, import};
use cstw_core::model::map::{ConceptMap, Direction};

use crate::map_formats::{fixture, labels, link_triples};

pub fn read(name: &str, bytes: Vec<u8>) -> Result<Imported, String> {
    import(&[(name.to_string(), bytes)], "m-wild".into())
}

pub fn open(name: &str, text: &str) -> Imported {
    read(name, text.as_bytes().to_vec()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn sorted_labels(m: &ConceptMap) -> Vec<&str> {
    let mut l = labels(m);
    l.sort();
    l
}

pub fn link<'a>(m: &'a ConceptMap, from: &str, to: &str) -> Vec<&'a cstw_core::model::map::Link> {
    m.links
        .iter()
        .filter(|l| m.node_name(l.from) == from && m.node_name(l.to) == to)
        .collect()
}

pub fn group_of<'a>(m: &'a ConceptMap, label: &str) -> Option<&'a str> {
    let n = m.nodes.iter().find(|n| n.label == label)?;
    m.group(n.group?).map(|g| g.name.as_str())
}

/// `map-yed-groups.graphml`, as yEd 3.x writes it: keys by `yfiles.type`, labels inside
/// `y:ShapeNode` / `y:GenericNode`, a group as a `y:ProxyAutoBoundsNode` with two realizers and
/// a nested graph, an HTML label, an edge declared before its nodes, an edge with its arrow at
/// the source end only, an edge with no label, and the resources block.
#[test]
fn a_yed_diagram_keeps_labels_groups_and_which_way_its_arrows_point() {
    let i = fixture("map-yed-groups.graphml");
    let m = &i.map;
    assert_eq!(
        sorted_labels(m),
        [
            "GP practices",
            "Link workers",
            "Patients\nlonely & isolated",
            "Voluntary\ngroups"
        ],
        "an HTML label is shown as its text"
    );
    assert_eq!(group_of(m, "Voluntary\ngroups"), Some("Community"));
    assert_eq!(group_of(m, "GP practices"), None);
    let gp = m.nodes.iter().find(|n| n.label == "GP practices").unwrap();
    assert_eq!((gp.x, gp.y), (160.0, 65.0));
    assert_eq!(gp.notes, "Where referrals start");
    // The edge declared before its nodes is kept.
    assert_eq!(link(m, "GP practices", "Link workers").len(), 1);
    // An arrow drawn at the source end only points from the target to the source.
    let asks = link(m, "Voluntary groups", "GP practices");
    assert_eq!(asks.len(), 1, "{:?}", link_triples(m));
    assert_eq!(asks[0].label, "ask for");
    assert_eq!(asks[0].direction, Direction::Forward);
    assert_eq!(
        link(m, "Voluntary groups", "Patients lonely & isolated")[0].label,
        "support"
    );
    // Arrows at both ends; the edge ends on the group.
    let both: Vec<_> = m
        .links
        .iter()
        .filter(|l| l.direction == Direction::Both)
        .collect();
    assert_eq!(both.len(), 1);
    assert_eq!(m.links.len(), 4);
}

/// Gephi 0.10's GraphML export: keys named by id, the edge label under "Edge Label", colour as
/// three `r`/`g`/`b` keys, a mixed graph with one edge marked undirected.
#[test]
fn a_gephi_graphml_export_keeps_its_edge_labels() {
    let text = r#"<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key attr.name="label" attr.type="string" for="node" id="label"/>
<key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>
<key attr.name="weight" attr.type="double" for="edge" id="weight"/>
<key attr.name="Edge Id" attr.type="string" for="edge" id="edgeid"/>
<key attr.name="r" attr.type="int" for="node" id="r"/>
<key attr.name="g" attr.type="int" for="node" id="g"/>
<key attr.name="b" attr.type="int" for="node" id="b"/>
<key attr.name="x" attr.type="float" for="node" id="x"/>
<key attr.name="y" attr.type="float" for="node" id="y"/>
<key attr.name="size" attr.type="float" for="node" id="size"/>
<key attr.name="Type" attr.type="string" for="node" id="Type"/>
<graph edgedefault="directed">
<node id="0">
<data key="label">Hospital</data>
<data key="Type">Service</data>
<data key="size">10.0</data>
<data key="r">153</data>
<data key="g">0</data>
<data key="b">255</data>
<data key="x">-120.5</data>
<data key="y">80.25</data>
</node>
<node id="1">
<data key="label">Care home</data>
<data key="Type">Service</data>
<data key="size">10.0</data>
<data key="r">153</data>
<data key="g">0</data>
<data key="b">255</data>
<data key="x">40.0</data>
<data key="y">-12.0</data>
</node>
<edge id="0" source="0" target="1">
<data key="edgelabel">discharges to</data>
<data key="weight">1.0</data>
</edge>
<edge id="1" source="1" target="0" directed="false">
<data key="edgelabel">talks with</data>
<data key="weight">2.0</data>
</edge>
</graph>
</graphml>"#;
    let m = open("gephi.graphml", text).map;
    assert_eq!(labels(&m), ["Hospital", "Care home"]);
    assert_eq!(
        link_triples(&m),
        [
            (
                "Hospital".into(),
                "Care home".into(),
                "discharges to".into()
            ),
            ("Care home".into(), "Hospital".into(), "talks with".into())
        ]
    );
    assert_eq!(m.links[0].direction, Direction::Forward);
    assert_eq!(m.links[1].direction, Direction::None);
    assert_eq!(m.kinds.len(), 1);
    assert_eq!((m.nodes[0].x, m.nodes[0].y), (-120.5, 80.25));
}

/// Cytoscape 3's GraphML export: an edge's `name` is "source (interaction) target"; what the
/// edge says is its `interaction`.
#[test]
fn a_cytoscape_graphml_export_labels_links_by_their_interaction() {
    let text = r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="name" for="graph" attr.name="name" attr.type="string"/>
  <key id="shared name" for="node" attr.name="shared name" attr.type="string"/>
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="selected" for="node" attr.name="selected" attr.type="boolean"/>
  <key id="shared name" for="edge" attr.name="shared name" attr.type="string"/>
  <key id="shared interaction" for="edge" attr.name="shared interaction" attr.type="string"/>
  <key id="name" for="edge" attr.name="name" attr.type="string"/>
  <key id="selected" for="edge" attr.name="selected" attr.type="boolean"/>
  <key id="interaction" for="edge" attr.name="interaction" attr.type="string"/>
  <graph edgedefault="directed">
    <data key="name">Referral network</data>
    <node id="52">
      <data key="shared name">Pharmacy</data>
      <data key="name">Pharmacy</data>
      <data key="selected">false</data>
    </node>
    <node id="54">
      <data key="shared name">Patients</data>
      <data key="name">Patients</data>
      <data key="selected">false</data>
    </node>
    <edge source="52" target="54">
      <data key="shared name">Pharmacy (advises) Patients</data>
      <data key="shared interaction">advises</data>
      <data key="name">Pharmacy (advises) Patients</data>
      <data key="selected">false</data>
      <data key="interaction">advises</data>
    </edge>
  </graph>
</graphml>"#;
    let m = open("network.graphml", text).map;
    assert_eq!(m.title, "Referral network");
    assert_eq!(labels(&m), ["Pharmacy", "Patients"]);
    assert_eq!(
        link_triples(&m),
        [("Pharmacy".into(), "Patients".into(), "advises".into())]
    );
}

/// The GraphML primer's shape: a key with a `<default>`, `for="all"`, nodes that leave the
/// value out take the default.
#[test]
fn graphml_key_defaults_apply_where_a_node_or_edge_leaves_the_value_out() {
    let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="d0" for="node" attr.name="type" attr.type="string">
    <default>Concept</default>
  </key>
  <key id="d1" for="all" attr.name="label" attr.type="string"/>
  <key id="d2" for="edge" attr.name="polarity" attr.type="string"><default>+</default></key>
  <graph id="G" edgedefault="undirected">
    <node id="n0"><data key="d1">Trust</data></node>
    <node id="n1"><data key="d1">Referrals</data><data key="d0">Flow</data></node>
    <node id="n2"><data key="d1">Waiting times</data></node>
    <edge source="n0" target="n1"><data key="d1">raises</data></edge>
    <edge source="n1" target="n2" directed="true"><data key="d2">-</data></edge>
  </graph>
</graphml>"#;
    let m = open("primer.graphml", text).map;
    let kind = |i: usize| {
        m.nodes[i]
            .kind
            .and_then(|k| m.kinds.iter().find(|x| x.id == k))
            .map(|k| k.name.as_str())
    };
    assert_eq!(
        [kind(0), kind(1), kind(2)],
        [Some("Concept"), Some("Flow"), Some("Concept")]
    );
    use cstw_core::model::map::Polarity;
    assert_eq!(m.links[0].polarity, Polarity::Positive);
    assert_eq!(m.links[0].direction, Direction::None);
    assert_eq!(m.links[1].polarity, Polarity::Negative);
    assert_eq!(m.links[1].direction, Direction::Forward);
}

/// Gephi 0.10's GEXF 1.3: `viz` colour and position, attributes by id with titles, an edge
/// attribute with a default, a mutual edge, parallel edges told apart by label, a self loop.
#[test]
fn a_gephi_gexf_1_3_export_keeps_places_attributes_and_parallel_links() {
    let text = r##"<?xml version='1.0' encoding='UTF-8'?>
<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">
  <meta lastmodifieddate="2024-03-01">
    <creator>Gephi 0.10.1</creator>
    <title></title>
    <description>Discharge pathways</description>
  </meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node" mode="static">
      <attribute id="type" title="Type" type="string"/>
      <attribute id="modularity_class" title="Modularity Class" type="integer"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="sign" title="Polarity" type="string">
        <default>+</default>
      </attribute>
    </attributes>
    <nodes>
      <node id="a" label="Hospital">
        <attvalues>
          <attvalue for="type" value="Service"/>
          <attvalue for="modularity_class" value="0"/>
        </attvalues>
        <viz:size value="10.0"/>
        <viz:position x="-120.5" y="80.25" z="0.0"/>
        <viz:color hex="#9900ff" a="1.0"/>
      </node>
      <node id="b" label="Care home">
        <attvalues>
          <attvalue for="type" value="Service"/>
        </attvalues>
        <viz:size value="10.0"/>
        <viz:position x="40.0" y="-12.0" z="0.0"/>
        <viz:color r="153" g="0" b="255" a="1.0"/>
      </node>
      <node id="c">
        <viz:position x="0.0" y="0.0" z="0.0"/>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="a" target="b" label="discharges to" weight="1.0"/>
      <edge id="1" source="a" target="b" label="phones" weight="1.0">
        <attvalues><attvalue for="sign" value="-"/></attvalues>
      </edge>
      <edge id="2" source="b" target="c" type="mutual" weight="1.0"/>
      <edge id="3" source="c" target="c" weight="1.0"/>
    </edges>
  </graph>
</gexf>"##;
    let i = open("pathways.gexf", text);
    let m = &i.map;
    assert_eq!(m.title, "Discharge pathways");
    assert_eq!(labels(m), ["Hospital", "Care home", "c"]);
    assert_eq!((m.nodes[0].x, m.nodes[0].y), (-120.5, -80.25));
    use cstw_core::model::map::Polarity;
    assert_eq!(
        link_triples(m),
        [
            (
                "Hospital".into(),
                "Care home".into(),
                "discharges to".into()
            ),
            ("Hospital".into(), "Care home".into(), "phones".into()),
            ("Care home".into(), "c".into(), "".into()),
        ]
    );
    assert_eq!(
        m.links.iter().map(|l| l.polarity).collect::<Vec<_>>(),
        [Polarity::Positive, Polarity::Negative, Polarity::Positive],
        "an attribute's default applies where an edge leaves it out"
    );
    assert_eq!(m.links[2].direction, Direction::Both);
    assert!(
        i.notes.iter().any(|n| n.contains("to itself")),
        "{:?}",
        i.notes
    );
    // Both nodes coloured the same purple, one by `hex` (GEXF 1.3), one by r, g, b.
    assert_eq!(m.kinds.len(), 1);
}

/// GEXF 1.1 with a hierarchy: nodes inside a node's `<nodes>`, and the edges among them
/// inside its `<edges>`; `attvalue` naming its attribute by `for` (and 1.0's `id`).
#[test]
fn gexf_edges_inside_a_parent_node_are_kept() {
    let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.1draft" xmlns:viz="http://www.gexf.net/1.1draft/viz" version="1.1">
  <meta lastmodifieddate="2009-03-20">
    <creator>Gephi.org</creator>
    <description>A hierarchy file</description>
  </meta>
  <graph mode="static" defaultedgetype="directed">
    <attributes class="node">
      <attribute id="0" title="type" type="string"/>
    </attributes>
    <nodes>
      <node id="g1" label="Primary care">
        <nodes>
          <node id="n1" label="GP"><attvalues><attvalue for="0" value="Clinician"/></attvalues></node>
          <node id="n2" label="Practice nurse"><attvalues><attvalue id="0" value="Clinician"/></attvalues></node>
        </nodes>
        <edges>
          <edge id="e1" source="n1" target="n2" label="delegates to"/>
        </edges>
      </node>
      <node id="n3" label="Pharmacy"/>
    </nodes>
    <edges>
      <edge id="e2" source="n2" target="n3" label="sends scripts"/>
    </edges>
  </graph>
</gexf>"#;
    let i = open("hierarchy.gexf", text);
    let m = &i.map;
    assert_eq!(labels(m), ["GP", "Practice nurse", "Pharmacy"]);
    assert_eq!(group_of(m, "GP"), Some("Primary care"));
    assert_eq!(m.kinds.len(), 1);
    let mut t = link_triples(m);
    t.sort();
    assert_eq!(
        t,
        [
            ("GP".into(), "Practice nurse".into(), "delegates to".into()),
            (
                "Practice nurse".into(),
                "Pharmacy".into(),
                "sends scripts".into()
            ),
        ]
    );
}

/// CmapTools 6's CXL: Dublin Core title, a phrase with two concepts out of it, a label with
/// a line break as `&#xa;`, appearances listed after the connections.
#[test]
fn a_cmaptools_cxl_export_keeps_phrases_as_link_labels() {
    let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<cmap xmlns:dcterms="http://purl.org/dc/terms/" xmlns="http://cmap.ihmc.us/xml/cmap/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:vcard="http://www.w3.org/2001/vcard-rdf/3.0#">
    <res-meta>
        <dc:title>Social prescribing</dc:title>
        <dc:creator><vcard:FN>A Facilitator</vcard:FN></dc:creator>
        <dc:format>x-cmap/x-storable</dc:format>
        <dcterms:created>2024-02-01T10:00:00+00:00</dcterms:created>
        <dc:language>en</dc:language>
    </res-meta>
    <map width="900" height="600">
        <concept-list>
            <concept id="1T6Y8J0M5-1S0L1P7-1" label="Link workers"/>
            <concept id="1T6Y8J0M5-1S0L1P7-2" label="Patients&#xa;(isolated)" short-comment="" long-comment="People living alone"/>
            <concept id="1T6Y8J0M5-1S0L1P7-3" label="Community groups"/>
        </concept-list>
        <linking-phrase-list>
            <linking-phrase id="1T6Y8J0M5-1S0L1P7-4" label="connect"/>
        </linking-phrase-list>
        <connection-list>
            <connection id="1T6Y8J0M5-1S0L1P7-5" from-id="1T6Y8J0M5-1S0L1P7-1" to-id="1T6Y8J0M5-1S0L1P7-4"/>
            <connection id="1T6Y8J0M5-1S0L1P7-6" from-id="1T6Y8J0M5-1S0L1P7-4" to-id="1T6Y8J0M5-1S0L1P7-2"/>
            <connection id="1T6Y8J0M5-1S0L1P7-7" from-id="1T6Y8J0M5-1S0L1P7-4" to-id="1T6Y8J0M5-1S0L1P7-3"/>
        </connection-list>
        <concept-appearance-list>
            <concept-appearance id="1T6Y8J0M5-1S0L1P7-1" x="300" y="60" width="100" height="28"/>
            <concept-appearance id="1T6Y8J0M5-1S0L1P7-2" x="180" y="240" width="90" height="42"/>
            <concept-appearance id="1T6Y8J0M5-1S0L1P7-3" x="420" y="240" width="130" height="28"/>
        </concept-appearance-list>
        <linking-phrase-appearance-list>
            <linking-phrase-appearance id="1T6Y8J0M5-1S0L1P7-4" x="300" y="150" width="60" height="14"/>
        </linking-phrase-appearance-list>
        <connection-appearance-list>
            <connection-appearance id="1T6Y8J0M5-1S0L1P7-5" from-pos="center" to-pos="center" arrowhead="default"/>
        </connection-appearance-list>
    </map>
</cmap>"#;
    let m = open("prescribing.cxl", text).map;
    assert_eq!(m.title, "Social prescribing");
    assert_eq!(
        labels(&m),
        ["Link workers", "Patients\n(isolated)", "Community groups"]
    );
    assert_eq!((m.nodes[0].x, m.nodes[0].y), (300.0, 60.0));
    assert_eq!(
        link_triples(&m),
        [
            (
                "Link workers".into(),
                "Patients (isolated)".into(),
                "connect".into()
            ),
            (
                "Link workers".into(),
                "Community groups".into(),
                "connect".into()
            )
        ]
    );
}

/// yEd Live and yFiles for HTML write GraphML of their own: labels as `y:Label` in an
/// `x:List` under the NodeLabels / EdgeLabels keys (the text as a `Text` attribute or a
/// `y:Label.Text` element), geometry as `y:RectD` under NodeGeometry, a group as a node with a
/// nested graph.
#[test]
fn a_yed_live_graphml_keeps_labels_and_places() {
    let text = r##"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml.html/2.0/ygraphml.xsd " xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/yfiles-common/3.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/3.0" xmlns:yjs="http://www.yworks.com/xml/yfiles-for-html/2.0/xaml" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
	<key id="d0" for="node" attr.type="int" attr.name="zOrder" y:attr.uri="http://www.yworks.com/xml/yfiles-z-order/1.0/zOrder"/>
	<key id="d1" for="node" attr.type="boolean" attr.name="Expanded" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/folding/Expanded">
		<default>true</default>
	</key>
	<key id="d2" for="node" attr.type="string" attr.name="url"/>
	<key id="d3" for="node" attr.type="string" attr.name="description"/>
	<key id="d4" for="node" attr.name="NodeLabels" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeLabels"/>
	<key id="d5" for="node" attr.name="NodeGeometry" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeGeometry"/>
	<key id="d6" for="all" attr.name="UserTags" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/UserTags"/>
	<key id="d7" for="node" attr.name="NodeStyle" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeStyle"/>
	<key id="d9" for="edge" attr.type="string" attr.name="url"/>
	<key id="d10" for="edge" attr.type="string" attr.name="description"/>
	<key id="d11" for="edge" attr.name="EdgeLabels" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/EdgeLabels"/>
	<key id="d12" for="edge" attr.name="EdgeGeometry" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/EdgeGeometry"/>
	<key id="d13" for="edge" attr.name="EdgeStyle" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/EdgeStyle"/>
	<graph id="G" edgedefault="directed">
		<node id="n0">
			<data key="d0">1</data>
			<data key="d3">Where referrals start</data>
			<data key="d4">
				<x:List>
					<y:Label Text="GP practices" LayoutParameter="{x:Static y:InteriorLabelModel.Center}">
						<y:Label.Style>
							<yjs:DefaultLabelStyle verticalTextAlignment="CENTER" horizontalTextAlignment="CENTER" textFill="BLACK"/>
						</y:Label.Style>
					</y:Label>
				</x:List>
			</data>
			<data key="d5">
				<y:RectD X="100" Y="50" Width="120" Height="30"/>
			</data>
			<data key="d7">
				<yjs:ShapeNodeStyle fill="#FFFF8C00" stroke="#FF000000"/>
			</data>
		</node>
		<node id="n1">
			<data key="d4">
				<x:List>
					<y:Label>
						<y:Label.Text>Patients
(isolated)</y:Label.Text>
						<y:Label.LayoutParameter>
							<x:Static Member="y:InteriorLabelModel.Center"/>
						</y:Label.LayoutParameter>
					</y:Label>
				</x:List>
			</data>
			<data key="d5">
				<y:RectD X="300" Y="200" Width="100" Height="40"/>
			</data>
		</node>
		<edge id="e0" source="n0" target="n1">
			<data key="d11">
				<x:List>
					<y:Label Text="refer">
						<y:Label.LayoutParameter>
							<y:SmartEdgeLabelModelParameter/>
						</y:Label.LayoutParameter>
					</y:Label>
				</x:List>
			</data>
			<data key="d13">
				<yjs:PolylineEdgeStyle targetArrow="TRIANGLE"/>
			</data>
		</edge>
	</graph>
</graphml>"##;
    let m = open("yed-live.graphml", text).map;
    assert_eq!(labels(&m), ["GP practices", "Patients\n(isolated)"]);
    assert_eq!((m.nodes[0].x, m.nodes[0].y), (160.0, 65.0));
    assert_eq!((m.nodes[1].x, m.nodes[1].y), (350.0, 220.0));
    assert_eq!(m.nodes[0].notes, "Where referrals start");
    assert_eq!(
        link_triples(&m),
        [(
            "GP practices".into(),
            "Patients (isolated)".into(),
            "refer".into()
        )]
    );
}
