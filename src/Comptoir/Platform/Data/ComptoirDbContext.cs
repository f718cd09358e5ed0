using Comptoir.Features.Organisation;
using Comptoir.Features.Sites;
using Comptoir.Features.Staff;
using Comptoir.Features.Stores;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Platform.Data;

/// <summary>
/// The one database of Comptoir. Features use it directly. It is abstract because each provider has its own
/// subclass, and so its own migrations (see docs/decisions/0002-one-migration-set-per-provider.md).
/// </summary>
public abstract class ComptoirDbContext(DbContextOptions options) : IdentityUserContext<StaffMember, int>(options), IDataProtectionKeyContext
{
    public DbSet<Country> Countries => Set<Country>();

    public DbSet<StoreFormat> StoreFormats => Set<StoreFormat>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<Store> Stores => Set<Store>();

    public DbSet<ServiceSite> ServiceSites => Set<ServiceSite>();

    public DbSet<StaffMember> Staff => Set<StaffMember>();

    /// <summary>Cookie and antiforgery keys, shared by every instance so that any node can serve any request.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<IdentityUserClaim<int>>().ToTable("StaffClaims");
        builder.Entity<IdentityUserLogin<int>>().ToTable("StaffLogins");
        builder.Entity<IdentityUserToken<int>>().ToTable("StaffTokens");

        builder.ApplyConfigurationsFromAssembly(typeof(ComptoirDbContext).Assembly);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefreshSearchKeys();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefreshSearchKeys();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RefreshSearchKeys()
    {
        foreach (var entry in ChangeTracker.Entries<IHasSearchKey>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.RefreshSearchKey();
            }
        }
    }
}
