using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.ServiceLevels;

internal sealed class ServiceLevelPolicyConfiguration : IEntityTypeConfiguration<ServiceLevelPolicy>
{
    public void Configure(EntityTypeBuilder<ServiceLevelPolicy> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(120);
        builder.Property(p => p.Channel).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class SlaEventConfiguration : IEntityTypeConfiguration<SlaEvent>
{
    public void Configure(EntityTypeBuilder<SlaEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);

        // Exactly once per conversation and kind, whatever the number of instances checking clocks.
        builder.HasIndex(e => new { e.ConversationId, e.Kind }).IsUnique();
        builder.HasIndex(e => new { e.SiteId, e.RaisedAt });
        builder.HasIndex(e => new { e.AdvisorId, e.AcknowledgedAt });
    }
}

internal sealed class ClosedDayConfiguration : IEntityTypeConfiguration<ClosedDay>
{
    public void Configure(EntityTypeBuilder<ClosedDay> builder)
    {
        builder.Property(d => d.CountryCode).HasMaxLength(2);
        builder.Property(d => d.Name).HasMaxLength(120);

        // One row per day and place (NULLs never collide in a unique index, hence one index per kind of place);
        // the routing catalogue reads the days from a date on.
        builder.HasIndex(d => new { d.Date, d.CountryCode }).IsUnique().HasFilter("\"CountryCode\" IS NOT NULL");
        builder.HasIndex(d => new { d.SiteId, d.Date }).IsUnique().HasFilter("\"SiteId\" IS NOT NULL");
        builder.HasIndex(d => new { d.StoreId, d.Date }).IsUnique().HasFilter("\"StoreId\" IS NOT NULL");
        builder.HasOne<Sites.ServiceSite>().WithMany().HasForeignKey(d => d.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Stores.Store>().WithMany().HasForeignKey(d => d.StoreId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_ClosedDays_OnePlace",
            "(CASE WHEN \"CountryCode\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"SiteId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"StoreId\" IS NULL THEN 0 ELSE 1 END) = 1"));
    }
}
