package hk.lantau.tenant;

import hk.lantau.shared.LantauException;
import hk.lantau.shared.Tokens;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and reads organisations. Access rules are the callers' (operator API, org admin API). */
@Service
public class Organisations {

    private final OrganisationRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Organisations(OrganisationRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Organisation create(NewOrganisation request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw LantauException.invalidField("name", "tenant.name_invalid",
                    "An organisation needs a name of 1 to 200 characters.");
        }
        if (repository.existsByName(name)) {
            throw LantauException.conflictField("name", "tenant.name_taken",
                    "An organisation with this name already exists.");
        }
        var cleaned = new NewOrganisation(name, request.region(), request.timeZone(), request.edition());
        String corpId = "ding" + Tokens.randomHex(8);
        long id = repository.insert(corpId, cleaned, clock.instant());
        events.publishEvent(new OrganisationCreated(id, corpId, name, cleaned.region().name(),
                cleaned.edition().name()));
        return repository.find(id).orElseThrow();
    }

    public Optional<Organisation> find(long id) {
        return repository.find(id);
    }

    public Organisation get(long id) {
        return repository.find(id).orElseThrow(
                () -> LantauException.notFound("tenant.not_found", "No such organisation."));
    }

    public Optional<Organisation> findByCorpId(String corpId) {
        return repository.findByCorpId(corpId);
    }

    public List<Organisation> list() {
        return repository.list();
    }

    @Transactional
    public Organisation changeSettings(long tenantId, OrganisationSettings settings) {
        Organisation current = get(tenantId);
        Map<String, Object> changes = new LinkedHashMap<>();
        String name = current.name();
        if (settings.name() != null && !settings.name().strip().equals(current.name())) {
            name = settings.name().strip();
            if (name.isEmpty() || name.length() > 200) {
                throw LantauException.invalidField("name", "tenant.name_invalid",
                        "An organisation needs a name of 1 to 200 characters.");
            }
            changes.put("name", name);
        }
        var zone = current.timeZone();
        if (settings.timeZone() != null && !settings.timeZone().equals(zone)) {
            zone = settings.timeZone();
            changes.put("timeZone", zone.getId());
        }
        boolean selfJoin = current.selfJoinEnabled();
        if (settings.selfJoinEnabled() != null && settings.selfJoinEnabled() != selfJoin) {
            selfJoin = settings.selfJoinEnabled();
            changes.put("selfJoinEnabled", selfJoin);
        }
        if (changes.isEmpty()) {
            return current;
        }
        Organisation updated = new Organisation(current.id(), current.corpId(), name, current.region(), zone,
                current.edition(), current.status(), selfJoin, current.createdAt());
        repository.update(updated, clock.instant());
        events.publishEvent(new OrganisationSettingsChanged(tenantId, current.corpId(), changes));
        return updated;
    }
}
