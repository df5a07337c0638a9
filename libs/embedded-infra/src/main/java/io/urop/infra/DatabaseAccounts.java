package io.urop.infra;

/**
 * The database of one service and its two roles: the owner runs the migrations, the application
 * connects as the app role (no superuser, no BYPASSRLS, owns nothing), so row-level security applies.
 */
public record DatabaseAccounts(
        String database,
        String jdbcUrl,
        String ownerUser,
        String ownerPassword,
        String appUser,
        String appPassword) {

    @Override
    public String toString() {
        return "DatabaseAccounts[database=" + database + ", jdbcUrl=" + jdbcUrl
                + ", ownerUser=" + ownerUser + ", appUser=" + appUser + "]";
    }
}
