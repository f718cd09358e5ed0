using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.Causes.Emerging;

internal sealed class EmergingIrritantConfiguration : IEntityTypeConfiguration<EmergingIrritant>
{
    public void Configure(EntityTypeBuilder<EmergingIrritant> builder)
    {
        builder.Property(e => e.Term).HasMaxLength(EmergingTermHistoryConfiguration.TermLength);
        builder.Property(e => e.TimeZoneId).HasMaxLength(64);

        // Once per day, scope and term, however many instances look at the same time.
        builder.HasIndex(e => new { e.Day, e.Scope, e.ScopeId, e.Kind, e.Term }).IsUnique();
        builder.HasMany(e => e.Verbatims).WithOne().HasForeignKey(v => v.EmergingIrritantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cause>().WithMany().HasForeignKey(e => e.CreatedCauseId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EmergingVerbatimConfiguration : IEntityTypeConfiguration<EmergingVerbatim>
{
    public void Configure(EntityTypeBuilder<EmergingVerbatim> builder) => builder.Property(v => v.Excerpt).HasMaxLength(400);
}

internal sealed class EmergingTermHistoryConfiguration : IEntityTypeConfiguration<EmergingTermHistory>
{
    public const int TermLength = 90;

    public void Configure(EntityTypeBuilder<EmergingTermHistory> builder)
    {
        builder.HasKey(h => new { h.Scope, h.ScopeId, h.Kind, h.Term });
        builder.Property(h => h.Term).HasMaxLength(TermLength);
    }
}

internal sealed class EmergingScopeStateConfiguration : IEntityTypeConfiguration<EmergingScopeState>
{
    public void Configure(EntityTypeBuilder<EmergingScopeState> builder) => builder.HasKey(s => new { s.Scope, s.ScopeId });
}
