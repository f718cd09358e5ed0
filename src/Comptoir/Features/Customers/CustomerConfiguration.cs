using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.DisplayName).HasMaxLength(200);
        builder.Property(c => c.Language).HasMaxLength(8);
        builder.Property(c => c.SearchKey).HasMaxLength(200);
        builder.HasIndex(c => c.SearchKey);
        builder.HasIndex(c => c.MergedIntoId);
        builder.HasMany(c => c.Identities).WithOne().HasForeignKey(i => i.CustomerId);
    }
}

internal sealed class CustomerIdentityConfiguration : IEntityTypeConfiguration<CustomerIdentity>
{
    public void Configure(EntityTypeBuilder<CustomerIdentity> builder)
    {
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Value).HasMaxLength(260);
        builder.Property(i => i.Proof).HasConversion<string>().HasMaxLength(16);
        // Value first: recognition looks identities up by value, whatever their kind.
        builder.HasIndex(i => new { i.Value, i.Kind }).IsUnique();
        builder.HasIndex(i => i.CustomerId);
    }
}

internal sealed class CustomerMergeConfiguration : IEntityTypeConfiguration<CustomerMerge>
{
    public void Configure(EntityTypeBuilder<CustomerMerge> builder)
    {
        builder.HasIndex(m => m.MergedId);
        builder.HasIndex(m => m.SurvivorId);
    }
}

internal sealed class DuplicateProposalConfiguration : IEntityTypeConfiguration<DuplicateProposal>
{
    public void Configure(EntityTypeBuilder<DuplicateProposal> builder)
    {
        builder.Property(p => p.Reason).HasMaxLength(400);
        builder.HasIndex(p => new { p.CustomerId, p.OtherCustomerId }).IsUnique();
        builder.HasIndex(p => p.OtherCustomerId);
    }
}
