using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.Causes;

internal sealed class CauseConfiguration : IEntityTypeConfiguration<Cause>
{
    public void Configure(EntityTypeBuilder<Cause> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(80);
        builder.Property(c => c.Name).HasMaxLength(120);
        builder.Property(c => c.EnglishName).HasMaxLength(120);
        builder.Property(c => c.OwningTeam).HasMaxLength(120);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.IsPriority);
    }
}

internal sealed class CauseExampleConfiguration : IEntityTypeConfiguration<CauseExample>
{
    public void Configure(EntityTypeBuilder<CauseExample> builder)
    {
        builder.Property(e => e.Text).HasMaxLength(4000);
        builder.HasOne<Cause>().WithMany().HasForeignKey(e => e.CauseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.ConversationId).IsUnique();
    }
}

internal sealed class CauseModelVersionConfiguration : IEntityTypeConfiguration<CauseModelVersion>
{
    public void Configure(EntityTypeBuilder<CauseModelVersion> builder)
    {
        builder.Property(m => m.TrainedBy).HasMaxLength(256);
    }
}

internal sealed class CauseCountConfiguration : IEntityTypeConfiguration<CauseCount>
{
    public void Configure(EntityTypeBuilder<CauseCount> builder)
    {
        // The key is the digest's access path: one scope, a range of hours, every cause.
        builder.HasKey(c => new { c.Scope, c.ScopeId, c.Hour, c.CauseId });
        builder.HasOne<Cause>().WithMany().HasForeignKey(c => c.CauseId).OnDelete(DeleteBehavior.Cascade);
    }
}
