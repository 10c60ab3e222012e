package hk.lantau.tenant;

/**
 * Where an organisation's data must stay. Transfers out of it are what the cross-border register
 * records; Hong Kong is the default.
 */
public enum DataRegion {
    HK("Hong Kong"), SG("Singapore"), CN("Mainland China"), JP("Japan"), EU("European Union"), US("United States");

    private final String label;

    DataRegion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
