using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.Stores;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(16);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Slug).HasMaxLength(80);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.Property(s => s.AddressLine).HasMaxLength(200);
        builder.Property(s => s.PostalCode).HasMaxLength(16);
        builder.Property(s => s.City).HasMaxLength(100);
        builder.HasIndex(s => new { s.CountryId, s.City });
        builder.Property(s => s.SearchKey).HasMaxLength(400);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
        builder.Property(s => s.SwitchboardPhone).HasMaxLength(20);
        builder.Property(s => s.OpeningHours).HasMaxLength(200);
        builder.HasOne(s => s.Format).WithMany().HasForeignKey(s => s.FormatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Country).WithMany().HasForeignKey(s => s.CountryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Departments).WithOne().HasForeignKey(d => d.StoreId);
    }
}

internal sealed class StoreDepartmentConfiguration : IEntityTypeConfiguration<StoreDepartment>
{
    public void Configure(EntityTypeBuilder<StoreDepartment> builder)
    {
        builder.HasKey(d => new { d.StoreId, d.DepartmentId });
        builder.HasOne(d => d.Department).WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
