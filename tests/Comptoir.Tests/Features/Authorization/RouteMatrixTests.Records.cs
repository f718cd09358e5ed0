using System.Globalization;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Features.Authorization;

/// <summary>What the route matrix calls routes with: the accounts, the public routes, the kinds of route
/// parameter and, for each account, a record of each kind outside its scope.</summary>
public sealed partial class RouteMatrixTests
{
    /// <summary>One demo account per role (README), each with its own scope.</summary>
    private static readonly string[] Accounts =
    [
        "admin", "direction.fr", "directeur.h001", "boulangerie.h001", "responsable.evry",
        "superviseur.tunis", "conseiller.tunis", "conseiller.evry", "communaute.fr",
    ];

    /// <summary>Routes open to anyone; any other route marked anonymous fails the test until it is listed here.</summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        "/",
        "/acces-refuse",
        "/erreur/{code:int}",
        "/connexion",
        "/deconnexion",
        "/contact",
        "/contact/merci/{reference:long}",
        "/magasins",
        "/magasins/{slug}",
        "/magasins/{slug}/directeur.svg",
        "/api/public/stores/",
        "/api/public/stores/{slug}",
        "/api/channels/sms",
        "/api/channels/social",
        "/api/channels/phone/calls",
        "/health/live",
        "/health/ready",
        "/openapi/{documentName}.json",
        "/langue",
    ];

    private enum Kind
    {
        Conversation,
        Customer,
        Attachment,
        Store,
        Site,
        Staff,
        Advisor,
        Mailbox,
        Queue,
        RoutingRule,
        ServiceLevel,
        ClosedDay,
        Template,
        Cause,
        Digest,
        EmergingIrritant,
        Merge,
        DuplicateProposal,

        // Values that are not records: filled, and only checked for not failing.
        Slug,
        Date,
        ErrorCode,
        ContactReference,
        DocumentName,
    }

    /// <summary>A route parameter, named by the path segment before it and its own name, and what it holds.</summary>
    private static readonly Dictionary<string, Kind> Parameters = new()
    {
        ["conversations/{id}"] = Kind.Conversation,
        ["pieces-jointes/{id}"] = Kind.Attachment,
        ["customers/{id}"] = Kind.Customer,
        ["clients/{id}"] = Kind.Customer,
        ["merges/{mergeId}"] = Kind.Merge,
        ["duplicates/{proposalId}"] = Kind.DuplicateProposal,
        ["stores/{id}"] = Kind.Store,
        ["magasins/{id}"] = Kind.Store,
        ["sites/{id}"] = Kind.Site,
        ["staff/{id}"] = Kind.Staff,
        ["equipe/{id}"] = Kind.Staff,
        ["advisors/{id}"] = Kind.Advisor,
        ["conseillers/{id}"] = Kind.Advisor,
        ["mailboxes/{id}"] = Kind.Mailbox,
        ["boites-mail/{id}"] = Kind.Mailbox,
        ["queues/{id}"] = Kind.Queue,
        ["files/{id}"] = Kind.Queue,
        ["routing-rules/{id}"] = Kind.RoutingRule,
        ["routage/{id}"] = Kind.RoutingRule,
        ["service-levels/{id}"] = Kind.ServiceLevel,
        ["delais/{id}"] = Kind.ServiceLevel,
        ["closed-days/{id}"] = Kind.ClosedDay,
        ["templates/{id}"] = Kind.Template,
        ["modeles/{id}"] = Kind.Template,
        ["causes/{id}"] = Kind.Cause,
        ["causes/{causeId}"] = Kind.Cause,
        ["digests/{id}"] = Kind.Digest,
        ["irritants/{digestId}"] = Kind.Digest,
        ["emerging/{id}"] = Kind.EmergingIrritant,
        ["stores/{slug}"] = Kind.Slug,
        ["magasins/{slug}"] = Kind.Slug,
        ["irritants/{date}"] = Kind.Date,
        ["erreur/{code}"] = Kind.ErrorCode,
        ["merci/{reference}"] = Kind.ContactReference,
        ["openapi/{documentName}"] = Kind.DocumentName,
    };

    /// <summary>Kinds of records that are not scoped but reserved to some roles: those roles may read any, so a missing one stands for foreign.</summary>
    private static readonly Dictionary<Kind, string[]> Entitled = new()
    {
        [Kind.Mailbox] = ["admin"],
        [Kind.Queue] = ["admin"],
        [Kind.RoutingRule] = ["admin"],
        [Kind.ServiceLevel] = ["admin"],
        [Kind.ClosedDay] = ["admin"],
        [Kind.Cause] = ["admin"],
        [Kind.Template] = ["admin", "superviseur.tunis"],
    };

    private const long Missing = 2_000_000_000;

    /// <summary>The ids a route is filled with: foreign records per kind, real records of the reserved kinds.</summary>
    private sealed record Records(
        Dictionary<Kind, long> Foreign, Dictionary<Kind, long> Reserved, Dictionary<string, Dictionary<Kind, long>> Exceptions, string Slug);

    private static bool IsRecord(Kind kind) => kind < Kind.Slug;

    private static string Value(Kind kind, Records records) => kind switch
    {
        Kind.Slug => records.Slug,
        Kind.Date => "2026-01-15",
        Kind.ErrorCode => "404",
        Kind.ContactReference => "1",
        Kind.DocumentName => "v1",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A record of that kind the account may not see, or one that does not exist when it may see them all.</summary>
    private static string ForeignTo(string account, Kind kind, Records records)
    {
        if (!IsRecord(kind))
        {
            return Value(kind, records);
        }

        long id;
        if (records.Exceptions.TryGetValue(account, out var own) && own.TryGetValue(kind, out var exception))
        {
            id = exception;
        }
        else if (Entitled.TryGetValue(kind, out var entitled))
        {
            id = entitled.Contains(account) ? Missing : records.Reserved[kind];
        }
        else
        {
            id = account == "admin" ? Missing : records.Foreign.GetValueOrDefault(kind, Missing);
        }

        return id.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<Records> RecordsAsync(ComptoirHost host)
    {
        // A conversation, its customer and attachment, of no store or country, held by a member of no site (an
        // administrator took it) in a queue Évry and Tunis serve: no account of the matrix but the administrator
        // may see them.
        var email = Contacts.NewEmail("hors-perimetre");
        var contact = await host.IngestAsync(new InboundContact
        {
            Channel = Channel.Email,
            ExternalId = $"<{Guid.NewGuid():N}@example.test>",
            At = DateTimeOffset.UtcNow,
            ActivityId = await host.ActivityAsync("ECOMMERCE"),
            Subject = "Hors de tout périmètre",
            Body = "Bonjour, voici ma facture.",
            From = email,
            Identities = [(IdentityKind.Email, email)],
            Attachments = [new InboundAttachment("facture.pdf", "application/pdf", "%PDF-1.4 facture"u8.ToArray())],
            HandledById = await host.StaffAsync("admin"),
        });
        var attachment = await host.QueryAsync(c => c.Attachments.Where(a => c.Messages.Any(m => m.Id == a.MessageId && m.ConversationId == contact.ConversationId)).Select(a => a.Id).SingleAsync());
        var dakar = await host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == "DAKAR").Select(s => s.Id).SingleAsync());

        return new Records(
            new Dictionary<Kind, long>
            {
                [Kind.Conversation] = contact.ConversationId,
                [Kind.Customer] = contact.CustomerId!.Value,
                [Kind.Attachment] = attachment,
                [Kind.Store] = await host.StoreAsync("ES01"),
                [Kind.Site] = dakar,
                [Kind.Staff] = await host.StaffAsync("directeur.es01"),
                [Kind.Advisor] = await host.StaffAsync("conseiller.dakar"),
            },
            new Dictionary<Kind, long>
            {
                [Kind.Mailbox] = await FirstAsync(host, c => c.Mailboxes.Select(x => (long)x.Id)),
                [Kind.Queue] = await FirstAsync(host, c => c.Queues.Select(x => (long)x.Id)),
                [Kind.RoutingRule] = await FirstAsync(host, c => c.RoutingRules.Select(x => (long)x.Id)),
                [Kind.ServiceLevel] = await FirstAsync(host, c => c.ServiceLevelPolicies.Select(x => (long)x.Id)),
                [Kind.ClosedDay] = await FirstAsync(host, c => c.ClosedDays.Select(x => (long)x.Id)),
                [Kind.Cause] = await FirstAsync(host, c => c.Causes.Select(x => (long)x.Id)),
                [Kind.Template] = await FirstAsync(host, c => c.AnswerTemplates.Select(x => (long)x.Id)),
            },
            // Country executives oversee every service site (every site serves every country): none is foreign to them.
            new Dictionary<string, Dictionary<Kind, long>> { ["direction.fr"] = new() { [Kind.Site] = Missing } },
            await host.QueryAsync(c => c.Stores.OrderBy(s => s.Id).Select(s => s.Slug).FirstAsync()));
    }

    private static Task<long> FirstAsync(ComptoirHost host, Func<Comptoir.Platform.Data.ComptoirDbContext, IQueryable<long>> ids) =>
        host.QueryAsync(async c => await ids(c).OrderBy(id => id).Select(id => (long?)id).FirstOrDefaultAsync() ?? Missing);
}
