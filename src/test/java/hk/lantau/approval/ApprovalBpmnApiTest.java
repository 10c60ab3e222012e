package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The downloaded BPMN carries a diagram, so a modeller shows it laid out, and the version it describes runs. */
class ApprovalBpmnApiTest extends ApprovalApiTestSupport {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";

    @Test
    void everyFlowNodeHasAShapeAndEveryFlowAnEdge() throws Exception {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Sam Wu");
        Person lead = person(org, "Tess Ho");
        Person head = person(org, "Uma Li");
        String code = createTemplate(hr.api(), template("Leave", List.of(
                approverStep("lead", "SEQUENTIAL", lead.userId()),
                branchStep("size",
                        branch("long", fieldCondition("days", "GT", "5"), List.of(
                                approverStep("head", "OR_SIGN", head.userId()),
                                branchStep("inner", branch("huge", fieldCondition("days", "GT", "20"),
                                        List.of(ccStep("hr", hr.userId()))), branch("fine", null, List.of())))),
                        branch("short", null, List.of())),
                ccStep("payroll", hr.userId()))));

        var download = staff.api().get("/api/v1/approval-templates/" + code + "/versions/1/bpmn");
        assertThat(download.status()).isEqualTo(200);
        Document xml = parse(download.body());

        List<String> nodes = new ArrayList<>();
        for (String kind : List.of("startEvent", "endEvent", "userTask", "serviceTask", "exclusiveGateway")) {
            nodes.addAll(ids(xml.getElementsByTagNameNS(BPMN, kind), "id"));
        }
        assertThat(nodes).contains("lantau.start", "lantau.end", "lead", "head", "hr", "payroll", "size.split",
                "size.join", "inner.split", "inner.join");
        assertThat(ids(xml.getElementsByTagNameNS(BPMNDI, "BPMNShape"), "bpmnElement"))
                .containsExactlyInAnyOrderElementsOf(nodes);
        assertThat(ids(xml.getElementsByTagNameNS(BPMNDI, "BPMNEdge"), "bpmnElement"))
                .containsExactlyInAnyOrderElementsOf(ids(xml.getElementsByTagNameNS(BPMN, "sequenceFlow"), "id"));

        // The laid-out version runs: a long request goes through both approvers.
        String id = submitLeave(staff.api(), code, 8);
        decide(lead.api(), pendingTask(lead.api(), lead.userId(), id), "agree");
        var done = decide(head.api(), pendingTask(head.api(), head.userId(), id), "agree");
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> ids(NodeList elements, String attribute) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            ids.add(((Element) elements.item(i)).getAttribute(attribute));
        }
        return ids;
    }
}
