using Comptoir.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.Organisation;

internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(2);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasLocalizedText(c => c.Name);
        builder.Property(c => c.DefaultCulture).HasMaxLength(10);
        builder.Property(c => c.TimeZoneId).HasMaxLength(64);
        builder.Property(c => c.CurrencyCode).HasMaxLength(3);
        builder.Property(c => c.CallingCode).HasMaxLength(4);
    }
}

internal sealed class StoreFormatConfiguration : IEntityTypeConfiguration<StoreFormat>
{
    public void Configure(EntityTypeBuilder<StoreFormat> builder)
    {
        builder.Property(f => f.Code).HasMaxLength(20);
        builder.HasIndex(f => f.Code).IsUnique();
        builder.HasLocalizedText(f => f.Name);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(30);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasLocalizedText(d => d.Name);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(30);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.HasLocalizedText(a => a.Name);
    }
}
