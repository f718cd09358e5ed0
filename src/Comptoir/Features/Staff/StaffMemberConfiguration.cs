using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comptoir.Features.Staff;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.Property(m => m.DisplayName).HasMaxLength(120);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.PreferredCulture).HasMaxLength(10);
        builder.Property(m => m.Team).HasMaxLength(120);
        builder.Property(m => m.SearchKey).HasMaxLength(400);

        builder.HasOne(m => m.Site).WithMany().HasForeignKey(m => m.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Store).WithMany().HasForeignKey(m => m.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Department).WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Country).WithMany().HasForeignKey(m => m.CountryId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(m => new { m.SiteId, m.Role });
        builder.HasIndex(m => new { m.StoreId, m.Role });

        // One director per store. The filter is plain SQL that SQLite and PostgreSQL read alike.
        builder.HasIndex(m => m.StoreId)
            .IsUnique()
            .HasFilter("\"Role\" = 'StoreDirector'")
            .HasDatabaseName("IX_StaffMembers_OneDirectorPerStore");

        // A role is meaningless without the place it works in; the database refuses such a member even if
        // a future code path forgets the check in CreateStaffMember.
        builder.ToTable("StaffMembers", t => t.HasCheckConstraint(
            "CK_StaffMembers_RoleHasScope",
            """
            ("Role" NOT IN ('Advisor', 'Supervisor', 'SiteManager') OR "SiteId" IS NOT NULL)
            AND ("Role" NOT IN ('StoreDirector', 'DepartmentManager') OR ("StoreId" IS NOT NULL AND "CountryId" IS NOT NULL))
            AND ("Role" <> 'DepartmentManager' OR "DepartmentId" IS NOT NULL)
            AND ("Role" <> 'CountryExecutive' OR "CountryId" IS NOT NULL)
            """));
    }
}
