using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.Staff.Sessions;

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        builder.ToTable("SignInFailures");
        builder.Property(f => f.AccountKey).HasMaxLength(64);
        builder.Property(f => f.Address).HasMaxLength(64);
        builder.HasIndex(f => new { f.Address, f.At });
        builder.HasIndex(f => new { f.AccountKey, f.At });
    }
}
