using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.Routing;

internal sealed class QueueConfiguration : IEntityTypeConfiguration<ServiceQueue>
{
    public void Configure(EntityTypeBuilder<ServiceQueue> builder)
    {
        builder.Property(q => q.Code).HasMaxLength(40);
        builder.HasIndex(q => q.Code).IsUnique();
        builder.Property(q => q.Name).HasMaxLength(120);
        builder.Property(q => q.Language).HasMaxLength(8);
        builder.HasMany(q => q.HomeSites).WithOne().HasForeignKey(s => s.QueueId);
    }
}

internal sealed class QueueSiteConfiguration : IEntityTypeConfiguration<QueueSite>
{
    public void Configure(EntityTypeBuilder<QueueSite> builder) => builder.HasKey(s => new { s.QueueId, s.SiteId });
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(120);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Language).HasMaxLength(8);
    }
}

internal sealed class AdvisorProfileConfiguration : IEntityTypeConfiguration<AdvisorProfile>
{
    public void Configure(EntityTypeBuilder<AdvisorProfile> builder)
    {
        builder.HasKey(p => p.StaffMemberId);
        builder.Property(p => p.WorkingHours).HasMaxLength(200);
        builder.Property(p => p.Presence).HasConversion<string>().HasMaxLength(10);
    }
}
