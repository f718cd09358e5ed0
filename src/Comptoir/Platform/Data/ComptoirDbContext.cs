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

    public DbSet<Features.Customers.Customer> Customers => Set<Features.Customers.Customer>();

    public DbSet<Features.Customers.CustomerIdentity> CustomerIdentities => Set<Features.Customers.CustomerIdentity>();

    public DbSet<Features.Customers.CustomerMerge> CustomerMerges => Set<Features.Customers.CustomerMerge>();

    public DbSet<Features.Customers.DuplicateProposal> DuplicateProposals => Set<Features.Customers.DuplicateProposal>();

    public DbSet<Features.Conversations.Conversation> Conversations => Set<Features.Conversations.Conversation>();

    public DbSet<Features.Conversations.Message> Messages => Set<Features.Conversations.Message>();

    public DbSet<Features.Conversations.Attachment> Attachments => Set<Features.Conversations.Attachment>();

    public DbSet<Features.Conversations.RawInbound> RawInbound => Set<Features.Conversations.RawInbound>();

    public DbSet<Features.Conversations.AnswerTemplate> AnswerTemplates => Set<Features.Conversations.AnswerTemplate>();

    public DbSet<Features.Routing.ServiceQueue> Queues => Set<Features.Routing.ServiceQueue>();

    public DbSet<Features.Routing.RoutingRule> RoutingRules => Set<Features.Routing.RoutingRule>();

    public DbSet<Features.Routing.AdvisorProfile> AdvisorProfiles => Set<Features.Routing.AdvisorProfile>();

    public DbSet<Features.ServiceLevels.ServiceLevelPolicy> ServiceLevelPolicies => Set<Features.ServiceLevels.ServiceLevelPolicy>();

    public DbSet<Features.ServiceLevels.SlaEvent> SlaEvents => Set<Features.ServiceLevels.SlaEvent>();

    public DbSet<Features.ServiceLevels.ClosedDay> ClosedDays => Set<Features.ServiceLevels.ClosedDay>();

    public DbSet<Features.Channels.Email.Mailbox> Mailboxes => Set<Features.Channels.Email.Mailbox>();

    public DbSet<Features.Channels.Phone.CallRecord> CallRecords => Set<Features.Channels.Phone.CallRecord>();

    public DbSet<Features.Causes.Cause> Causes => Set<Features.Causes.Cause>();

    public DbSet<Features.Causes.CauseExample> CauseExamples => Set<Features.Causes.CauseExample>();

    public DbSet<Features.Causes.CauseModelVersion> CauseModels => Set<Features.Causes.CauseModelVersion>();

    public DbSet<Features.Causes.CauseCount> CauseCounts => Set<Features.Causes.CauseCount>();

    public DbSet<Features.Causes.CauseAction> CauseActions => Set<Features.Causes.CauseAction>();

    public DbSet<Features.Causes.Digests.CauseDigest> CauseDigests => Set<Features.Causes.Digests.CauseDigest>();

    public DbSet<Features.Causes.Digests.CauseDigestEntry> CauseDigestEntries => Set<Features.Causes.Digests.CauseDigestEntry>();

    public DbSet<Features.Causes.Digests.CauseDigestVerbatim> CauseDigestVerbatims => Set<Features.Causes.Digests.CauseDigestVerbatim>();

    public DbSet<Features.Causes.Digests.DigestSubscription> DigestSubscriptions => Set<Features.Causes.Digests.DigestSubscription>();

    public DbSet<Features.Staff.Mail.StaffMail> StaffMails => Set<Features.Staff.Mail.StaffMail>();

    public DbSet<Features.Staff.Sessions.SignInSession> SignInSessions => Set<Features.Staff.Sessions.SignInSession>();

    public DbSet<Features.Staff.Sessions.SignInFailure> SignInFailures => Set<Features.Staff.Sessions.SignInFailure>();

    public DbSet<Features.Causes.Emerging.EmergingIrritant> EmergingIrritants => Set<Features.Causes.Emerging.EmergingIrritant>();

    public DbSet<Features.Causes.Emerging.EmergingTermHistory> EmergingTermHistories => Set<Features.Causes.Emerging.EmergingTermHistory>();

    public DbSet<Features.Causes.Emerging.EmergingScopeState> EmergingScopes => Set<Features.Causes.Emerging.EmergingScopeState>();

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
