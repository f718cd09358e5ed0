using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.Sites;

internal sealed class ServiceSiteConfiguration : IEntityTypeConfiguration<ServiceSite>
{
    public void Configure(EntityTypeBuilder<ServiceSite> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(30);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.Property(s => s.City).HasMaxLength(100);
        builder.Property(s => s.LocationCountryCode).HasMaxLength(2);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
        builder.Property(s => s.PartnerName).HasMaxLength(100);
        builder.Property(s => s.ServiceHours).HasMaxLength(200);
        builder.Ignore(s => s.IsOutsourced);
        builder.HasMany(s => s.Activities).WithOne().HasForeignKey(a => a.SiteId);
    }
}

internal sealed class SiteActivityConfiguration : IEntityTypeConfiguration<SiteActivity>
{
    public void Configure(EntityTypeBuilder<SiteActivity> builder)
    {
        builder.HasKey(a => new { a.SiteId, a.ActivityId });
        builder.HasOne(a => a.Activity).WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}
