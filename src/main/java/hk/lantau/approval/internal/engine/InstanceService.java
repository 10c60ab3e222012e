package hk.lantau.approval.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.approval.ApprovalInstances;
import hk.lantau.approval.ApprovalSubmitted;
import hk.lantau.approval.AttachmentRef;
import hk.lantau.approval.InstanceQuery;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.InstanceSummary;
import hk.lantau.approval.InstanceView;
import hk.lantau.approval.NewInstance;
import hk.lantau.approval.OperationRecord;
import hk.lantau.approval.OperationType;
import hk.lantau.approval.TemplateDefinition;
import hk.lantau.approval.internal.engine.InstanceRepository.InstanceRow;
import hk.lantau.approval.internal.engine.InstanceRepository.SearchFilter;
import hk.lantau.approval.internal.engine.TemplateRepository.TemplateRow;
import hk.lantau.approval.internal.form.FormSchema;
import hk.lantau.approval.internal.form.SubmittedForm;
import hk.lantau.directory.Audiences;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.directory.UserStatus;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class InstanceService implements ApprovalInstances {

    private static final int MAX_COMMENT = 2_000;

    private final TemplateRepository templates;
    private final Definitions definitions;
    private final InstanceRepository instances;
    private final OperationRepository operations;
    private final InstanceAccess access;
    private final InstanceViews views;
    private final InstanceProgress progress;
    private final RunContexts contexts;
    private final AttachmentClaims attachments;
    private final Directory directory;
    private final Audiences audiences;
    private final RuntimeService runtime;
    private final Retrying retrying;
    private final ApplicationEventPublisher publisher;
    private final ObjectMapper json;
    private final Clock clock;

    InstanceService(TemplateRepository templates, Definitions definitions, InstanceRepository instances,
                    OperationRepository operations, InstanceAccess access, InstanceViews views,
                    InstanceProgress progress, RunContexts contexts, AttachmentClaims attachments, Directory directory,
                    Audiences audiences, RuntimeService runtime, Retrying retrying, ApplicationEventPublisher publisher,
                    ObjectMapper json, Clock clock) {
        this.templates = templates;
        this.definitions = definitions;
        this.instances = instances;
        this.operations = operations;
        this.access = access;
        this.views = views;
        this.progress = progress;
        this.contexts = contexts;
        this.attachments = attachments;
        this.directory = directory;
        this.audiences = audiences;
        this.runtime = runtime;
        this.retrying = retrying;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public InstanceView submit(long tenantId, NewInstance submission) {
        Actor actor = CurrentActor.get();
        DirectoryUser originator = originator(tenantId, actor, submission.originatorUserId());
        if (submission.processCode() == null || submission.processCode().isBlank()) {
            throw LantauException.invalidField("processCode", "approval.template_not_found", "Name the template.");
        }
        TemplateRow template = templates.find(tenantId, submission.processCode())
                .orElseThrow(TemplateService::notFound);
        if (!template.enabled()) {
            throw LantauException.conflict("approval.template_disabled", "The template takes no new submissions.");
        }
        String requestId = clientRequestId(submission.clientRequestId());
        if (requestId != null) {
            var earlier = instances.findByRequest(tenantId, originator.userId(), requestId);
            if (earlier.isPresent()) {
                return views.view(tenantId, earlier.get().instanceId());
            }
        }
        long departmentId = department(originator, submission.departmentId());
        int version = template.latestVersion();
        TemplateDefinition definition = definitions.version(tenantId, template.processCode(), version);
        SubmittedForm form = new FormSchema(definition.form()).read(submission.formValues());
        references(tenantId, form);
        Map<String, List<String>> choices = Choices.check(tenantId, definition, submission.approverChoices(),
                audiences);
        Instant now = clock.instant();
        String instanceId = UUID.randomUUID().toString();
        Map<String, String> variables = contexts.variables(tenantId, template.processCode(), definition,
                contexts.departmentPath(tenantId, departmentId));
        Map<String, String> fields = new java.util.HashMap<>();
        form.values().forEach(value -> fields.put(value.id(), value.value()));
        String title = Titles.render(definition.titleTemplate(), originator.name(), definition.name(), fields,
                variables);
        instances.insert(new InstanceRow(tenantId, instanceId, template.processCode(), version, title,
                originator.userId(), departmentId, InstanceStatus.RUNNING, null, form.toJson(),
                choices.isEmpty() ? null : write(choices), requestId, null, now, null));
        Set<String> files = new LinkedHashSet<>(form.attachmentIds());
        files.addAll(submission.attachmentIds());
        List<AttachmentRef> refs = attachments.claim(tenantId, files, actor.userId(), instanceId, "attachmentIds");
        operations.add(tenantId, instanceId, new OperationRecord(originator.userId(), now,
                OperationType.START_PROCESS_INSTANCE, null, null, refs, List.of(), null, null));
        publisher.publishEvent(new ApprovalSubmitted(tenantId, instanceId, template.processCode(), version, title,
                originator.userId(), departmentId, now));
        ProcessInstance process = runtime.startProcessInstanceById(
                definitions.processDefinitionId(tenantId, template.processCode(), version), instanceId,
                Map.of(ProcessCallbacks.TENANT, tenantId, ProcessCallbacks.INSTANCE, instanceId));
        instances.linkFlowable(tenantId, instanceId, process.getId());
        progress.sync(tenantId, instanceId);
        return views.view(tenantId, instanceId);
    }

    @Override
    @Transactional(readOnly = true)
    public InstanceView get(long tenantId, String instanceId) {
        access.visible(tenantId, instanceId);
        return views.view(tenantId, instanceId);
    }

    @Override
    @Transactional(readOnly = true)
    public CursorPage<InstanceSummary> search(long tenantId, InstanceQuery query, String cursor, int limit) {
        Actor actor = CurrentActor.get();
        String originator = null;
        if (query.mine()) {
            if (actor.kind() != ActorKind.USER) {
                throw LantauException.invalidField("mine", "approval.query_invalid", "Only people have their own approvals.");
            }
            originator = actor.userId();
        } else {
            CurrentActor.require(Permission.APPROVAL_READ);
        }
        Instant beforeTime = null;
        String beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            String[] parts = decode(cursor);
            beforeTime = Instant.parse(parts[0]);
            beforeId = parts[1];
        }
        int size = Math.max(1, Math.min(limit, 100));
        List<InstanceSummary> rows = instances.search(tenantId, new SearchFilter(originator, query.processCode(),
                query.statuses(), query.originatorUserIds(), query.createdFrom(), query.createdTo()),
                beforeTime, beforeId, size + 1);
        String next = null;
        if (rows.size() > size) {
            InstanceSummary last = rows.get(size - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (last.createTime() + "\n" + last.instanceId()).getBytes(StandardCharsets.UTF_8));
        }
        return new CursorPage<>(rows.stream().limit(size).toList(), next);
    }

    @Override
    public InstanceView withdraw(long tenantId, String instanceId, String remark) {
        return retrying.inTransaction(() -> {
            InstanceRow row = access.lockVisible(tenantId, instanceId);
            Actor actor = CurrentActor.get();
            if (actor.kind() != ActorKind.USER || !actor.userId().equals(row.originatorUserId())) {
                throw LantauException.forbidden("approval.withdraw_forbidden", "Only the originator may withdraw it.");
            }
            end(row, InstanceStatus.CANCELED, OperationType.REVOKE_PROCESS_INSTANCE, actor.userId(), remark);
            return views.view(tenantId, instanceId);
        });
    }

    @Override
    public InstanceView terminate(long tenantId, String instanceId, String remark) {
        return retrying.inTransaction(() -> {
            InstanceRow row = access.lockVisible(tenantId, instanceId);
            Actor actor = CurrentActor.require(Permission.APPROVAL_MANAGE);
            end(row, InstanceStatus.TERMINATED, OperationType.TERMINATE_PROCESS_INSTANCE, actor.userId(), remark);
            return views.view(tenantId, instanceId);
        });
    }

    @Override
    public InstanceView comment(long tenantId, String instanceId, String text, List<String> attachmentIds) {
        return retrying.inTransaction(() -> {
            InstanceRow row = access.lockVisible(tenantId, instanceId);
            Actor actor = CurrentActor.get();
            if (actor.kind() != ActorKind.USER) {
                throw LantauException.forbidden("approval.comment_forbidden", "Only people comment.");
            }
            if (text == null || text.isBlank() || text.length() > MAX_COMMENT) {
                throw LantauException.invalidField("text", "approval.comment_invalid",
                        "A comment has 1 to " + MAX_COMMENT + " characters.");
            }
            List<AttachmentRef> refs = attachments.claim(tenantId, attachmentIds == null ? List.of() : attachmentIds,
                    actor.userId(), instanceId, "attachmentIds");
            operations.add(tenantId, instanceId, new OperationRecord(actor.userId(), clock.instant(),
                    OperationType.ADD_REMARK, null, text.strip(), refs, List.of(), null, null));
            return views.view(tenantId, row.instanceId());
        });
    }

    /** Withdraws or terminates: the process is deleted in Flowable and the instance ends with its tasks. */
    private void end(InstanceRow row, InstanceStatus status, OperationType type, String actor, String remark) {
        if (!row.running()) {
            throw LantauException.conflict("approval.instance_finished", "The approval has already ended.");
        }
        if (remark != null && remark.length() > MAX_COMMENT) {
            throw LantauException.invalidField("remark", "approval.comment_invalid",
                    "A remark has at most " + MAX_COMMENT + " characters.");
        }
        Instant now = clock.instant();
        operations.add(row.tenantId(), row.instanceId(), new OperationRecord(actor, now, type, null,
                remark == null || remark.isBlank() ? null : remark.strip(), List.of(), List.of(), null, null));
        progress.finish(row, status, null, actor, now);
        if (row.flowableInstanceId() != null) {
            runtime.deleteProcessInstance(row.flowableInstanceId(), status.name());
        }
    }

    private DirectoryUser originator(long tenantId, Actor actor, String requested) {
        String userId;
        if (actor.kind() == ActorKind.USER) {
            if (requested != null && !requested.equals(actor.userId())) {
                throw LantauException.forbidden("approval.originator_forbidden", "People submit for themselves.");
            }
            userId = actor.userId();
        } else {
            CurrentActor.require(Permission.APPROVAL_MANAGE);
            if (requested == null || requested.isBlank()) {
                throw LantauException.invalidField("originatorUserId", "approval.originator_unknown",
                        "Name the person the app submits for.");
            }
            userId = requested;
        }
        return directory.findUser(tenantId, userId).filter(DirectoryUser::active)
                .orElseThrow(() -> LantauException.invalidField("originatorUserId", "approval.originator_unknown",
                        "No active person " + userId + " in the organisation."));
    }

    private static long department(DirectoryUser originator, Long requested) {
        if (requested == null) {
            return originator.departmentIds().isEmpty() ? hk.lantau.directory.Directory.ROOT_DEPARTMENT_ID
                    : originator.departmentIds().get(0);
        }
        if (!originator.departmentIds().contains(requested)) {
            throw LantauException.invalidField("departmentId", "approval.department_invalid",
                    "Submit from one of the originator's own departments.");
        }
        return requested;
    }

    /** People and departments the form names must exist; attachments are checked when claimed. */
    private void references(long tenantId, SubmittedForm form) {
        Map<String, UserStatus> statuses = audiences.statuses(tenantId, form.referencedUserIds());
        for (String userId : form.referencedUserIds()) {
            if (statuses.get(userId) == null) {
                throw LantauException.invalidField("formValues", "approval.field_user_invalid",
                        "No person " + userId + " in the organisation.");
            }
        }
        Set<Long> existing = audiences.existingDepartments(tenantId, form.referencedDepartmentIds());
        for (Long departmentId : form.referencedDepartmentIds()) {
            if (!existing.contains(departmentId)) {
                throw LantauException.invalidField("formValues", "approval.field_department_invalid",
                        "No department " + departmentId + " in the organisation.");
            }
        }
    }

    private static String clientRequestId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 64) {
            throw LantauException.invalidField("clientRequestId", "approval.request_id_invalid",
                    "A request id has at most 64 characters.");
        }
        return value.strip();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
                    .split("\n", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            Instant.parse(parts[0]);
            return parts;
        } catch (RuntimeException e) {
            throw LantauException.invalidField("cursor", "approval.cursor_invalid", "Pass back a cursor as given.");
        }
    }
}
