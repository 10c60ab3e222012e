package hk.lantau.approval;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One step of a template's process, in the nested style of DingTalk's designer: the process is a
 * list of steps run in order, and a branch step holds branches that are lists of steps again. On
 * the wire a {@code type} property tells them apart: {@code approver}, {@code cc}, {@code branch}.
 * Every step has an {@code id} unique within the template, stable across versions.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ApproverStep.class, name = "approver"),
        @JsonSubTypes.Type(value = CcStep.class, name = "cc"),
        @JsonSubTypes.Type(value = BranchStep.class, name = "branch")})
public sealed interface ProcessStep permits ApproverStep, CcStep, BranchStep {

    String id();

    String name();
}
