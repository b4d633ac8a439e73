//! Map files as the real tools write them (yEd, Gephi, Cytoscape, CmapTools, Graphviz,
//! Mermaid from GitHub and Notion, Excel and LibreOffice CSV in other locales), written here
//! from each tool's actual output, and what a facilitator should see after importing them.

use cstw_core::import::map::{Imported, import};
use cstw_core::model::map::{ConceptMap, Direction};

use crate::map_formats::{labels, link_triples};

fn read(name: &str, bytes: Vec<u8>) -> Result<Imported, String> {
    import(&[(name.to_string(), bytes)], "m-wild".into())
}

fn open(name: &str, text: &str) -> Imported {
    read(name, text.as_bytes().to_vec()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn sorted_labels(m: &ConceptMap) -> Vec<&str> {
    let mut l = labels(m);
    l.sort();
    l
}

fn link<'a>(m: &'a ConceptMap, from: &str, to: &str) -> Vec<&'a cstw_core::model::map::Link> {
    m.links
        .iter()
        .filter(|l| m.node_name(l.from) == from && m.node_name(l.to) == to)
        .collect()
}

fn group_of<'a>(m: &'a ConceptMap, label: &str) -> Option<&'a str> {
    let n = m.nodes.iter().find(|n| n.label == label)?;
    m.group(n.group?).map(|g| g.name.as_str())
}

/// yEd 3.x: keys by `yfiles.type`, labels inside `y:ShapeNode` / `y:GenericNode`, a group as a
/// `y:ProxyAutoBoundsNode` with two realizers and a nested graph, an HTML label, an edge with its
/// arrow at the source end only, an edge whose label is empty, and the resources block.
const YED: &str = r##"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:java="http://www.yworks.com/xml/yfiles-common/1.0/java" xmlns:sys="http://www.yworks.com/xml/yfiles-common/markup/primitives/2.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
  <!--Created by yEd 3.23.2-->
  <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
  <key for="port" id="d1" yfiles.type="portgraphics"/>
  <key for="port" id="d2" yfiles.type="portgeometry"/>
  <key for="port" id="d3" yfiles.type="portuserdata"/>
  <key attr.name="url" attr.type="string" for="node" id="d4"/>
  <key attr.name="description" attr.type="string" for="node" id="d5"/>
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="graphml" id="d7" yfiles.type="resources"/>
  <key attr.name="url" attr.type="string" for="edge" id="d8"/>
  <key attr.name="description" attr.type="string" for="edge" id="d9"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <data key="d0" xml:space="preserve"/>
    <edge id="e9" source="n0" target="n2">
      <data key="d10">
        <y:PolyLineEdge>
          <y:Path sx="0.0" sy="0.0" tx="0.0" ty="0.0"/>
          <y:LineStyle color="#000000" type="line" width="1.0"/>
          <y:Arrows source="none" target="standard"/>
          <y:BendStyle smoothed="false"/>
        </y:PolyLineEdge>
      </data>
    </edge>
    <node id="n0">
      <data key="d5" xml:space="preserve"><![CDATA[Where referrals start]]></data>
      <data key="d6">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="120.0" x="100.0" y="50.0"/>
          <y:Fill color="#FFCC00" transparent="false"/>
          <y:BorderStyle color="#000000" raised="false" type="line" width="1.0"/>
          <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" fontStyle="plain" hasBackgroundColor="false" hasLineColor="false" height="18.1328125" horizontalTextPosition="center" iconTextGap="4" modelName="custom" textColor="#000000" verticalTextPosition="bottom" visible="true" width="77.34765625" x="21.326171875" xml:space="preserve" y="5.93359375">GP practices<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel><y:ModelParameter><y:SmartNodeLabelModelParameter labelRatioX="0.0" labelRatioY="0.0" nodeRatioX="0.0" nodeRatioY="0.0" offsetX="0.0" offsetY="0.0" upX="0.0" upY="-1.0"/></y:ModelParameter></y:NodeLabel>
          <y:Shape type="rectangle"/>
        </y:ShapeNode>
      </data>
    </node>
    <node id="n1" yfiles.foldertype="group">
      <data key="d4" xml:space="preserve"/>
      <data key="d6">
        <y:ProxyAutoBoundsNode>
          <y:Realizers active="0">
            <y:GroupNode>
              <y:Geometry height="160.0" width="260.0" x="300.0" y="120.0"/>
              <y:Fill color="#F5F5F5" transparent="false"/>
              <y:BorderStyle color="#000000" type="dashed" width="1.0"/>
              <y:NodeLabel alignment="right" autoSizePolicy="node_width" backgroundColor="#EBEBEB" borderDistance="0.0" fontFamily="Dialog" fontSize="15" fontStyle="plain" hasLineColor="false" height="21.666015625" horizontalTextPosition="center" iconTextGap="4" modelName="internal" modelPosition="t" textColor="#000000" verticalTextPosition="bottom" visible="true" width="260.0" x="0.0" xml:space="preserve" y="0.0">Community</y:NodeLabel>
              <y:Shape type="roundrectangle"/>
              <y:State closed="false" closedHeight="50.0" closedWidth="50.0" innerGraphDisplayEnabled="false"/>
              <y:Insets bottom="15" bottomF="15.0" left="15" leftF="15.0" right="15" rightF="15.0" top="15" topF="15.0"/>
              <y:BorderInsets bottom="0" bottomF="0.0" left="0" leftF="0.0" right="0" rightF="0.0" top="0" topF="0.0"/>
            </y:GroupNode>
            <y:GroupNode>
              <y:Geometry height="50.0" width="50.0" x="0.0" y="60.0"/>
              <y:Fill color="#F5F5F5" transparent="false"/>
              <y:BorderStyle color="#000000" type="dashed" width="1.0"/>
              <y:NodeLabel alignment="right" autoSizePolicy="node_width" backgroundColor="#EBEBEB" borderDistance="0.0" fontFamily="Dialog" fontSize="15" fontStyle="plain" hasLineColor="false" height="21.666015625" horizontalTextPosition="center" iconTextGap="4" modelName="internal" modelPosition="t" textColor="#000000" verticalTextPosition="bottom" visible="true" width="65.0" x="-7.5" xml:space="preserve" y="0.0">Folder 1</y:NodeLabel>
              <y:Shape type="roundrectangle"/>
              <y:State closed="true" closedHeight="50.0" closedWidth="50.0" innerGraphDisplayEnabled="false"/>
            </y:GroupNode>
          </y:Realizers>
        </y:ProxyAutoBoundsNode>
      </data>
      <graph edgedefault="directed" id="n1:">
        <node id="n1::n0">
          <data key="d6">
            <y:GenericNode configuration="com.yworks.flowchart.process">
              <y:Geometry height="40.0" width="100.0" x="320.0" y="160.0"/>
              <y:Fill color="#E8EEF7" color2="#B7C9E3" transparent="false"/>
              <y:BorderStyle color="#000000" type="line" width="1.0"/>
              <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" fontStyle="plain" hasBackgroundColor="false" hasLineColor="false" height="32.265625" horizontalTextPosition="center" iconTextGap="4" modelName="custom" textColor="#000000" verticalTextPosition="bottom" visible="true" width="60.0" x="20.0" xml:space="preserve" y="3.8">Voluntary
groups<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel><y:ModelParameter><y:SmartNodeLabelModelParameter labelRatioX="0.0" labelRatioY="0.0" nodeRatioX="0.0" nodeRatioY="0.0" offsetX="0.0" offsetY="0.0" upX="0.0" upY="-1.0"/></y:ModelParameter></y:NodeLabel>
            </y:GenericNode>
          </data>
        </node>
        <node id="n1::n1">
          <data key="d6">
            <y:ShapeNode>
              <y:Geometry height="40.0" width="100.0" x="440.0" y="220.0"/>
              <y:Fill color="#FFCC00" transparent="false"/>
              <y:BorderStyle color="#000000" raised="false" type="line" width="1.0"/>
              <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" fontStyle="plain" hasBackgroundColor="false" hasLineColor="false" height="18.1328125" horizontalTextPosition="center" iconTextGap="4" modelName="custom" textColor="#000000" verticalTextPosition="bottom" visible="true" width="80.0" x="10.0" xml:space="preserve" y="11.0">&lt;html&gt;&lt;b&gt;Patients&lt;/b&gt;&lt;br&gt;lonely &amp;amp; isolated&lt;/html&gt;<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel><y:ModelParameter><y:SmartNodeLabelModelParameter labelRatioX="0.0" labelRatioY="0.0" nodeRatioX="0.0" nodeRatioY="0.0" offsetX="0.0" offsetY="0.0" upX="0.0" upY="-1.0"/></y:ModelParameter></y:NodeLabel>
              <y:Shape type="ellipse"/>
            </y:ShapeNode>
          </data>
        </node>
      </graph>
    </node>
    <node id="n2">
      <data key="d6">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="100.0" x="100.0" y="300.0"/>
          <y:Fill color="#FFCC00" transparent="false"/>
          <y:BorderStyle color="#000000" raised="false" type="line" width="1.0"/>
          <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" fontStyle="plain" hasBackgroundColor="false" hasLineColor="false" height="18.1328125" horizontalTextPosition="center" iconTextGap="4" modelName="custom" textColor="#000000" verticalTextPosition="bottom" visible="true" width="70.0" x="15.0" xml:space="preserve" y="5.9">Link workers<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel><y:ModelParameter><y:SmartNodeLabelModelParameter labelRatioX="0.0" labelRatioY="0.0" nodeRatioX="0.0" nodeRatioY="0.0" offsetX="0.0" offsetY="0.0" upX="0.0" upY="-1.0"/></y:ModelParameter></y:NodeLabel>
          <y:Shape type="rectangle"/>
        </y:ShapeNode>
      </data>
    </node>
    <edge id="n1::e0" source="n1::n0" target="n1::n1">
      <data key="d10">
        <y:PolyLineEdge>
          <y:Path sx="0.0" sy="0.0" tx="0.0" ty="0.0"/>
          <y:LineStyle color="#000000" type="line" width="1.0"/>
          <y:Arrows source="none" target="standard"/>
          <y:EdgeLabel alignment="center" configuration="AutoFlippingLabel" distance="2.0" fontFamily="Dialog" fontSize="12" fontStyle="plain" hasBackgroundColor="false" hasLineColor="false" height="18.1328125" horizontalTextPosition="center" iconTextGap="4" modelName="custom" preferredPlacement="anywhere" ratio="0.5" textColor="#000000" verticalTextPosition="bottom" visible="true" width="44.0" x="10.0" xml:space="preserve" y="10.0">support<y:LabelModel><y:SmartEdgeLabelModel autoRotationEnabled="false" defaultAngle="0.0" defaultDistance="10.0"/></y:LabelModel><y:ModelParameter><y:SmartEdgeLabelModelParameter angle="0.0" distance="30.0" distanceToCenter="true" position="right" ratio="0.5" segment="0"/></y:ModelParameter><y:PreferredPlacementDescriptor angle="0.0" angleOffsetOnRightSide="0" angleReference="absolute" angleRotationOnRightSide="co" distance="-1.0" frozen="true" placement="anywhere" side="anywhere" sideReference="relative_to_edge_flow"/></y:EdgeLabel>
          <y:BendStyle smoothed="false"/>
        </y:PolyLineEdge>
      </data>
    </edge>
    <edge id="e1" source="n0" target="n1::n0">
      <data key="d10">
        <y:PolyLineEdge>
          <y:Path sx="0.0" sy="0.0" tx="0.0" ty="0.0"/>
          <y:LineStyle color="#000000" type="line" width="1.0"/>
          <y:Arrows source="standard" target="none"/>
          <y:EdgeLabel alignment="center" configuration="AutoFlippingLabel" distance="2.0" fontFamily="Dialog" fontSize="12" fontStyle="plain" hasBackgroundColor="false" hasLineColor="false" height="18.1328125" horizontalTextPosition="center" iconTextGap="4" modelName="custom" preferredPlacement="anywhere" ratio="0.5" textColor="#000000" verticalTextPosition="bottom" visible="true" width="40.0" x="10.0" xml:space="preserve" y="10.0">ask for<y:LabelModel><y:SmartEdgeLabelModel autoRotationEnabled="false" defaultAngle="0.0" defaultDistance="10.0"/></y:LabelModel><y:ModelParameter><y:SmartEdgeLabelModelParameter angle="0.0" distance="30.0" distanceToCenter="true" position="right" ratio="0.5" segment="0"/></y:ModelParameter></y:EdgeLabel>
          <y:BendStyle smoothed="false"/>
        </y:PolyLineEdge>
      </data>
    </edge>
    <edge id="e2" source="n2" target="n1">
      <data key="d10">
        <y:QuadCurveEdge straightness="0.1">
          <y:Path sx="0.0" sy="0.0" tx="0.0" ty="0.0"/>
          <y:LineStyle color="#000000" type="line" width="1.0"/>
          <y:Arrows source="standard" target="standard"/>
        </y:QuadCurveEdge>
      </data>
    </edge>
  </graph>
  <data key="d7">
    <y:Resources/>
  </data>
</graphml>
"##;

#[test]
fn a_yed_diagram_keeps_labels_groups_and_which_way_its_arrows_point() {
    let i = open("referrals.graphml", YED);
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

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xff, 0xfe];
    for u in text.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

/// Excel and LibreOffice in German, French or Dutch save "CSV" with `;` between cells and a
/// decimal comma in numbers, often with a BOM and CRLF; a quoted cell may hold a line break.
#[test]
fn semicolon_csv_from_a_european_spreadsheet_imports() {
    let elements = "\u{feff}Label;Type;X;Y;Description\r\n\
        Hausärzte;Akteur;120,5;-40,25;\"Erste Anlaufstelle;\r\nauch abends\"\r\n\
        Pflegeheim;Akteur;300;80,5;\r\n";
    let connections =
        "\u{feff}From;To;Label;Direction\r\nHausärzte;Pflegeheim;überweisen an;directed\r\n";
    let i = import(
        &[
            ("Elemente.csv".into(), elements.as_bytes().to_vec()),
            ("Verbindungen.csv".into(), connections.as_bytes().to_vec()),
        ],
        "m-wild".into(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let m = &i.map;
    assert_eq!(labels(m), ["Hausärzte", "Pflegeheim"]);
    assert_eq!((m.nodes[0].x, m.nodes[0].y), (120.5, -40.25));
    assert_eq!(m.nodes[0].notes, "Erste Anlaufstelle;\r\nauch abends");
    assert_eq!(
        link_triples(m),
        [(
            "Hausärzte".into(),
            "Pflegeheim".into(),
            "überweisen an".into()
        )]
    );
    // One table alone is a CSV file too.
    let m = open("Verbindungen.csv", connections).map;
    assert_eq!(
        link_triples(&m),
        [(
            "Hausärzte".into(),
            "Pflegeheim".into(),
            "überweisen an".into()
        )]
    );
}

/// Excel's "Unicode Text" is UTF-16LE with a BOM and tabs between cells.
#[test]
fn excel_unicode_text_tab_separated_utf16_imports() {
    let text = "From\tTo\tLabel\r\nGP practices\tLink workers\trefer\r\nLink workers\tVoluntary groups, local\t\"connect, then follow up\"\r\n";
    let m = read("connections.txt", utf16le(text))
        .unwrap_or_else(|e| panic!("{e}"))
        .map;
    assert_eq!(
        link_triples(&m),
        [
            ("GP practices".into(), "Link workers".into(), "refer".into()),
            (
                "Link workers".into(),
                "Voluntary groups, local".into(),
                "connect, then follow up".into()
            )
        ]
    );
}

/// A comma-separated table whose labels hold semicolons stays comma-separated.
#[test]
fn a_comma_table_with_semicolons_in_its_cells_stays_comma_separated() {
    let text = "Label,Type\n\"Carers; families\",Person\nSchools,Place\n";
    let m = open("elements.csv", text).map;
    assert_eq!(labels(&m), ["Carers; families", "Schools"]);
}

/// A hand-written Graphviz file saved on Windows: BOM, CRLF, `strict`, defaults, `\n` and
/// escaped quotes, `+` concatenation, `\` line continuation, an HTML-like label, edge chains,
/// ports, `dir=back`, a cluster and a repeat that `strict` merges.
#[test]
fn a_graphviz_file_from_windows_reads_as_graphviz_draws_it() {
    let text = "\u{feff}// referral pathways\r\n\
strict digraph \"Referral \\\"pathways\\\"\" {\r\n\
  graph [rankdir=LR, fontname=\"Helvetica\"];\r\n\
  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffcc00\"];\r\n\
  edge [color=gray40, label=\"\"];\r\n\
  gp [label=\"GP\\npractices\"];\r\n\
  lw [label=<Link <b>workers</b> &amp; volunteers>];\r\n\
  pat [label=\"Patients \\\"lonely\\\" \" + \"and isolated\"];\r\n\
  vcs [label=\"Voluntary \\\r\n\
sector\"];\r\n\
  gp -> lw -> pat [label=\"refer\"];\r\n\
  subgraph cluster_comm {\r\n\
    label = \"Community\";\r\n\
    vcs; pat;\r\n\
  }\r\n\
  pat -> gp [dir=back, label=\"see\"];\r\n\
  gp:e -> vcs:w;\r\n\
  gp -> lw [label=\"refer\"];\r\n\
  lw -> vcs [dir=none];\r\n\
}\r\n";
    let i = open("pathways.gv", text);
    let m = &i.map;
    assert_eq!(
        sorted_labels(m),
        [
            "GP\npractices",
            "Link workers & volunteers",
            "Patients \"lonely\" and isolated",
            "Voluntary sector"
        ]
    );
    assert_eq!(group_of(m, "Voluntary sector"), Some("Community"));
    assert_eq!(
        group_of(m, "Patients \"lonely\" and isolated"),
        Some("Community")
    );
    assert_eq!(group_of(m, "GP\npractices"), None);
    let mut t = link_triples(m);
    t.sort();
    assert_eq!(
        t,
        [
            (
                "GP practices".into(),
                "Link workers & volunteers".into(),
                "refer".into()
            ),
            (
                "GP practices".into(),
                "Patients \"lonely\" and isolated".into(),
                "see".into()
            ),
            ("GP practices".into(), "Voluntary sector".into(), "".into()),
            (
                "Link workers & volunteers".into(),
                "Patients \"lonely\" and isolated".into(),
                "refer".into()
            ),
            (
                "Link workers & volunteers".into(),
                "Voluntary sector".into(),
                "".into()
            ),
        ]
    );
    let none = link(m, "Link workers & volunteers", "Voluntary sector");
    assert_eq!(none[0].direction, Direction::None);
}

/// `dot -Tdot` output (what "save as DOT" in Graphviz tools gives): `node [label="\N"]`,
/// positions in points with y up, `bb`, edges with spline `pos`.
#[test]
fn graphviz_laid_out_output_keeps_names_and_places() {
    let text = "digraph G {\n\tgraph [bb=\"0,0,170.5,108\"];\n\tnode [label=\"\\N\"];\n\tA\t[height=0.5,\n\t\tpos=\"27,90\",\n\t\twidth=0.75];\n\t\"Long name\"\t[height=0.5,\n\t\tpos=\"99,18\",\n\t\twidth=1.9861];\n\tA -> \"Long name\"\t[pos=\"e,80.58,35.789 41.57,75.834 51.134,66.538 63.9,54.128 75.213,43.131\"];\n}\n";
    let m = open("g.dot", text).map;
    assert_eq!(labels(&m), ["A", "Long name"]);
    let (a, b) = (&m.nodes[0], &m.nodes[1]);
    assert!(a.y < b.y, "y up in Graphviz: A is above");
    assert_eq!(
        link_triples(&m),
        [("A".into(), "Long name".into(), "".into())]
    );
}

/// yEd's GML export: `Creator "yFiles"` before the graph, tabs, `LabelGraphics` for edge
/// labels, arrows as `sourceArrow` / `targetArrow` in the edge's graphics (none written for a
/// plain line), a group with `isGroup` and members with `gid`.
#[test]
fn a_yed_gml_export_keeps_its_arrows_and_edge_labels() {
    let text = "Creator\t\"yFiles\"\nVersion\t\"2.22\"\ngraph\n[\n\thierarchic\t1\n\tlabel\t\"\"\n\tdirected\t1\n\
\tnode\n\t[\n\t\tid\t0\n\t\tlabel\t\"GP\"\n\t\tgraphics\n\t\t[\n\t\t\tx\t150.0\n\t\t\ty\t75.0\n\t\t\tw\t120.0\n\t\t\th\t30.0\n\t\t\ttype\t\"rectangle\"\n\t\t\tfill\t\"#FFCC00\"\n\t\t\toutline\t\"#000000\"\n\t\t]\n\t\tLabelGraphics\n\t\t[\n\t\t\ttext\t\"GP\"\n\t\t\tfontSize\t12\n\t\t\tfontName\t\"Dialog\"\n\t\t\tanchor\t\"c\"\n\t\t]\n\t\tgid\t3\n\t]\n\
\tnode\n\t[\n\t\tid\t1\n\t\tlabel\t\"Patients\"\n\t\tgraphics\n\t\t[\n\t\t\tx\t350.0\n\t\t\ty\t75.0\n\t\t\tw\t120.0\n\t\t\th\t30.0\n\t\t]\n\t]\n\
\tnode\n\t[\n\t\tid\t2\n\t\tlabel\t\"Pharmacy\"\n\t\tgraphics\n\t\t[\n\t\t\tx\t250.0\n\t\t\ty\t200.0\n\t\t]\n\t]\n\
\tnode\n\t[\n\t\tid\t3\n\t\tlabel\t\"Practice\"\n\t\tgraphics\n\t\t[\n\t\t\tx\t150.0\n\t\t\ty\t75.0\n\t\t\tw\t160.0\n\t\t\th\t80.0\n\t\t]\n\t\tisGroup\t1\n\t]\n\
\tedge\n\t[\n\t\tsource\t0\n\t\ttarget\t1\n\t\tgraphics\n\t\t[\n\t\t\tfill\t\"#000000\"\n\t\t\ttargetArrow\t\"standard\"\n\t\t]\n\t\tLabelGraphics\n\t\t[\n\t\t\ttext\t\"treats\"\n\t\t\tfontSize\t12\n\t\t]\n\t]\n\
\tedge\n\t[\n\t\tsource\t1\n\t\ttarget\t2\n\t\tgraphics\n\t\t[\n\t\t\tfill\t\"#000000\"\n\t\t\tsourceArrow\t\"standard\"\n\t\t]\n\t\tLabelGraphics\n\t\t[\n\t\t\ttext\t\"supplies\"\n\t\t]\n\t]\n\
\tedge\n\t[\n\t\tsource\t0\n\t\ttarget\t2\n\t\tgraphics\n\t\t[\n\t\t\tfill\t\"#000000\"\n\t\t]\n\t]\n\
]\n";
    let m = open("yed.gml", text).map;
    assert_eq!(labels(&m), ["GP", "Patients", "Pharmacy"]);
    assert_eq!(group_of(&m, "GP"), Some("Practice"));
    let treats = link(&m, "GP", "Patients");
    assert_eq!(
        (treats[0].label.as_str(), treats[0].direction),
        ("treats", Direction::Forward)
    );
    let supplies = link(&m, "Pharmacy", "Patients");
    assert_eq!(supplies.len(), 1, "{:?}", link_triples(&m));
    assert_eq!(supplies[0].label, "supplies");
    assert_eq!(supplies[0].direction, Direction::Forward);
    assert_eq!(link(&m, "GP", "Pharmacy")[0].direction, Direction::None);
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

/// Mermaid as GitHub renders it and as Notion exports it: a fenced block copied from a
/// README, an init directive, front matter with a title, `A -- text --> B`, `|text|`, `&`,
/// chains, `:::class`, subgraphs with ids and titles, markdown strings.
#[test]
fn mermaid_from_github_and_notion_imports() {
    let text = "```mermaid\n---\ntitle: Referral pathways\n---\n%%{init: {\"flowchart\": {\"curve\": \"basis\"}}}%%\nflowchart LR\n    GP[GP practices]:::org -- refer --> LW(\"Link workers\")\n    LW -->|connect| VS{{Voluntary sector}} & CG[(Community groups)]\n    subgraph C1 [\"Community\"]\n        direction TB\n        VS --- CG\n    end\n    CG -.-> P[\"`**Patients** who are\nisolated`\"] --> GP\n    classDef org fill:#f9f,stroke:#333\n    click GP \"https://example.org\" _blank\n```\n";
    let i = open("pathways.md", text);
    let m = &i.map;
    assert_eq!(m.title, "Referral pathways");
    assert_eq!(
        sorted_labels(m),
        [
            "Community groups",
            "GP practices",
            "Link workers",
            "Patients who are\nisolated",
            "Voluntary sector"
        ]
    );
    assert_eq!(group_of(m, "Voluntary sector"), Some("Community"));
    assert_eq!(m.links.len(), 6, "{:?}", link_triples(m));
    assert_eq!(link(m, "GP practices", "Link workers")[0].label, "refer");
    assert_eq!(
        link(m, "Link workers", "Community groups")[0].label,
        "connect"
    );
    assert_eq!(
        link(m, "Voluntary sector", "Community groups")[0].direction,
        Direction::None
    );
}

/// Excel on Windows saves "CSV (comma delimited)" and "CSV (semicolon)" in the Windows code
/// page, not UTF-8: "Café" is the bytes `43 61 66 E9`.
#[test]
fn a_csv_excel_saved_in_the_windows_code_page_imports_with_its_accents() {
    let mut bytes = b"Label;Type\r\nCaf".to_vec();
    bytes.extend([0xe9]);
    bytes.extend(b" owners;Business\r\nB");
    bytes.extend([0xfc]);
    bytes.extend(b"rger ");
    bytes.extend([0x96]);
    bytes.extend(b" residents;Person\r\n");
    let i = read("elements.csv", bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(labels(&i.map), ["Café owners", "Bürger \u{2013} residents"]);
    assert!(
        i.notes.iter().any(|n| n.contains("Windows-1252")),
        "{:?}",
        i.notes
    );
    // A UTF-8 file with one damaged byte is not guessed at: it is refused with the byte's place.
    let mut damaged = "Label\nCafé\n".as_bytes().to_vec();
    damaged.push(0xe9);
    let e = read("elements.csv", damaged).unwrap_err();
    assert!(e.contains("UTF-8") && e.contains("position"), "{e}");
    // Binary files (a spreadsheet's own format) keep their message too.
    let e = read(
        "map.xlsx",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xe9\xff".to_vec(),
    )
    .unwrap_err();
    assert!(e.contains("not text"), "{e}");
}

/// igraph (R's `write_graph(g, "map.gml", "gml")`, python-igraph's `write_gml`) names vertices
/// by a `name` attribute, not `label`.
#[test]
fn igraph_gml_names_its_nodes() {
    let text = "Creator \"igraph version 1.5.1 Mon Feb  5 10:00:00 2024\"\nVersion 1\ngraph\n[\n  directed 1\n  node\n  [\n    id 0\n    name \"Funding\"\n  ]\n  node\n  [\n    id 1\n    name \"Staff morale\"\n  ]\n  edge\n  [\n    source 0\n    target 1\n    label \"supports\"\n  ]\n]\n";
    let m = open("loops.gml", text).map;
    assert_eq!(labels(&m), ["Funding", "Staff morale"]);
    assert_eq!(
        link_triples(&m),
        [("Funding".into(), "Staff morale".into(), "supports".into())]
    );
}

/// Graphviz with `splines=ortho` draws no edge `label`s, so people write `xlabel`; it is the
/// text on the edge.
#[test]
fn a_graphviz_edge_xlabel_is_its_label() {
    let text = "digraph {\n  splines=ortho;\n  a [label=\"Funding\"];\n  b [label=\"Staff\"];\n  a -> b [xlabel=\"pays\"];\n  b -> a [label=\"asks\", xlabel=\"ignored\"];\n}\n";
    let m = open("ortho.dot", text).map;
    let mut t = link_triples(&m);
    t.sort();
    assert_eq!(
        t,
        [
            ("Funding".into(), "Staff".into(), "pays".into()),
            ("Staff".into(), "Funding".into(), "asks".into())
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
