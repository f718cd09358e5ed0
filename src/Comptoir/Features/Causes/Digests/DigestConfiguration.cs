using Comptoir.Features.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.Causes.Digests;

internal sealed class CauseDigestConfiguration : IEntityTypeConfiguration<CauseDigest>
{
    public void Configure(EntityTypeBuilder<CauseDigest> builder)
    {
        builder.Property(d => d.TimeZoneId).HasMaxLength(64);

        // One digest a day and scope, whichever instance gets there first: the others' inserts fail.
        builder.HasIndex(d => new { d.Scope, d.ScopeId, d.LocalDate }).IsUnique();
        builder.HasMany(d => d.Entries).WithOne().HasForeignKey(e => e.DigestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CauseDigestEntryConfiguration : IEntityTypeConfiguration<CauseDigestEntry>
{
    public void Configure(EntityTypeBuilder<CauseDigestEntry> builder)
    {
        builder.Property(e => e.OwningTeam).HasMaxLength(120);
        builder.Property(e => e.ActionPlan).HasMaxLength(2000);
        builder.HasIndex(e => new { e.DigestId, e.Rank }).IsUnique();
        builder.HasIndex(e => e.CauseId);
        builder.HasOne<Cause>().WithMany().HasForeignKey(e => e.CauseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Verbatims).WithOne().HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CauseDigestVerbatimConfiguration : IEntityTypeConfiguration<CauseDigestVerbatim>
{
    public void Configure(EntityTypeBuilder<CauseDigestVerbatim> builder)
    {
        builder.Property(v => v.Excerpt).HasMaxLength(400);
    }
}

internal sealed class DigestSubscriptionConfiguration : IEntityTypeConfiguration<DigestSubscription>
{
    public void Configure(EntityTypeBuilder<DigestSubscription> builder)
    {
        builder.HasIndex(s => new { s.StaffMemberId, s.Scope, s.ScopeId }).IsUnique();
        builder.HasIndex(s => new { s.Scope, s.ScopeId });
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(s => s.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CauseActionConfiguration : IEntityTypeConfiguration<CauseAction>
{
    public void Configure(EntityTypeBuilder<CauseAction> builder)
    {
        builder.HasKey(a => a.CauseId);
        builder.Property(a => a.Plan).HasMaxLength(2000);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        builder.HasOne<Cause>().WithOne().HasForeignKey<CauseAction>(a => a.CauseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.UpdatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
