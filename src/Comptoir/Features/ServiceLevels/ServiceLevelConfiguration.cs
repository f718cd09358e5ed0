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
