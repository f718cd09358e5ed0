using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.Staff.Sessions;

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder)
    {
        builder.ToTable("SignInSessions");
        builder.HasKey(s => s.KeyHash);
        builder.Property(s => s.KeyHash).HasMaxLength(64);
        builder.Property(s => s.Address).HasMaxLength(64);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(s => s.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.StaffMemberId, s.Address });
        builder.HasIndex(s => s.ExpiresAt);
    }
}
