using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.Staff.Mail;

internal sealed class StaffMailConfiguration : IEntityTypeConfiguration<StaffMail>
{
    public void Configure(EntityTypeBuilder<StaffMail> builder)
    {
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Body).HasMaxLength(100_000);
        builder.Property(m => m.Error).HasMaxLength(500);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(m => m.StaffMemberId).OnDelete(DeleteBehavior.SetNull);
    }
}
