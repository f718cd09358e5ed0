using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Comptoir.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Tests.Features.Authorization;

/// <summary>
/// Every route of the real host, read from its route table, called by the anonymous and by every role on a
/// record of each kind that role may not see. The anonymous is refused (401 on the API, the sign-in form on
/// pages) except on the routes listed as public; a role never reads or changes a foreign record (404 or
/// 403, or the access-denied page); nothing answers 500. A route added later is called without anyone
/// listing it; one whose route parameter names a kind of value this test does not know fails it, so that
/// whoever adds it says what a foreign value is.
/// </summary>
public sealed class RouteMatrixTests(Hosts hosts)
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

    private sealed record Route(string Pattern, RoutePattern Parsed, string[] Methods, bool Anonymous)
    {
        public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);
    }

    /// <summary>The ids a route is filled with: foreign records per kind, real records of the reserved kinds.</summary>
    private sealed record Records(
        Dictionary<Kind, long> Foreign, Dictionary<Kind, long> Reserved, Dictionary<string, Dictionary<Kind, long>> Exceptions, string Slug);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Every_route_refuses_the_anonymous_and_every_role_outside_its_scope_and_never_fails(Db db)
    {
        var host = await hosts.GetAsync(db);
        var routes = RoutesOf(host);
        var unknown = routes.SelectMany(r => ParameterKeys(r.Parsed)).Where(k => !Parameters.ContainsKey(k)).Distinct().ToList();
        Assert.True(unknown.Count == 0, $"Route parameters this test cannot fill; say what a foreign value is in {nameof(Parameters)}: {string.Join(", ", unknown)}");
        var anonymous = routes.Where(r => r.Anonymous).Select(r => r.Pattern).ToHashSet();
        Assert.True(anonymous.SetEquals(PublicRoutes),
            $"Anonymous routes not listed as public: {string.Join(", ", anonymous.Except(PublicRoutes))}; listed but not anonymous: {string.Join(", ", PublicRoutes.Except(anonymous))}");

        var records = await RecordsAsync(host);
        var failures = new ConcurrentQueue<string>();
        await Task.WhenAll(Accounts.Select(a => CallAsSignedInAsync(host, a, routes, records, failures)).Append(CallAnonymouslyAsync(host, routes, records, failures)));

        Assert.True(failures.IsEmpty, $"{failures.Count} calls went wrong:\n{string.Join("\n", failures.Order(StringComparer.Ordinal))}");
    }

    private static List<Route> RoutesOf(ComptoirHost host) =>
    [
        .. host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching != true)
            .Select(e => new Route(
                "/" + e.RoutePattern.RawText!.TrimStart('/'),
                e.RoutePattern,
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET", "POST"],
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .DistinctBy(r => (r.Pattern, string.Join(',', r.Methods))),
    ];

    private static IEnumerable<string> ParameterKeys(RoutePattern pattern)
    {
        string previous = "";
        foreach (var segment in pattern.PathSegments)
        {
            foreach (var part in segment.Parts)
            {
                if (part is RoutePatternParameterPart parameter)
                {
                    yield return $"{previous}/{{{parameter.Name}}}";
                }
            }

            previous = string.Concat(segment.Parts.OfType<RoutePatternLiteralPart>().Select(l => l.Content));
        }
    }

    private static string Url(Route route, Func<Kind, string> fill)
    {
        var url = new StringBuilder();
        string previous = "";
        foreach (var segment in route.Parsed.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => fill(Parameters[$"{previous}/{{{parameter.Name}}}"]),
                    _ => "",
                });
            }

            previous = string.Concat(segment.Parts.OfType<RoutePatternLiteralPart>().Select(l => l.Content));
        }

        return url.Length == 0 ? "/" : url.ToString();
    }

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

    private static async Task CallAnonymouslyAsync(ComptoirHost host, List<Route> routes, Records records, ConcurrentQueue<string> failures)
    {
        using var client = host.CreateBrowserlessClient();
        foreach (var route in routes)
        {
            foreach (var method in route.Methods)
            {
                var url = Url(route, kind => IsRecord(kind) ? records.Foreign.GetValueOrDefault(kind, Missing).ToString(CultureInfo.InvariantCulture) : Value(kind, records));
                using var response = await SendAsync(client, method, url);
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Enqueue($"anonymous {method} {url}: {status}");
                }
                else if (route.Anonymous)
                {
                    continue;
                }
                else if (route.IsApi && response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Enqueue($"anonymous {method} {url}: {status}, not 401");
                }
                else if (!route.IsApi && !(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/connexion", StringComparison.Ordinal) == true))
                {
                    failures.Enqueue($"anonymous {method} {url}: {status} {response.Headers.Location}, not the sign-in form");
                }
            }
        }
    }

    private static async Task CallAsSignedInAsync(ComptoirHost host, string account, List<Route> routes, Records records, ConcurrentQueue<string> failures)
    {
        using var client = await host.SignInAsync(StaffSession.Demo(account));
        foreach (var route in routes.Where(r => r.Pattern != "/deconnexion"))
        {
            var kinds = ParameterKeys(route.Parsed).Select(k => Parameters[k]).ToList();
            var foreign = kinds.Any(IsRecord);
            foreach (var method in route.Methods)
            {
                // Pages change things through forms with an antiforgery token, and a change without a foreign
                // record would change the shared demo data: only reads, and changes aimed at a foreign record.
                if (method != "GET" && (!route.IsApi || !foreign))
                {
                    continue;
                }

                var url = Url(route, kind => ForeignTo(account, kind, records));
                using var response = await SendAsync(client, method, url);
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Enqueue($"{account} {method} {url}: {status}");
                }
                else if (foreign && !Refused(response) && !await SaysNothingAboutTheRecordAsync(client, route, method, response, records))
                {
                    failures.Enqueue($"{account} {method} {url}: {status} {response.Headers.Location}, not refused");
                }
            }
        }
    }

    /// <summary>
    /// A request refused as unreadable (400) before its record is looked up answers the same for a record that
    /// does not exist: it tells nothing about the foreign one, and changes nothing.
    /// </summary>
    private static async Task<bool> SaysNothingAboutTheRecordAsync(HttpClient client, Route route, string method, HttpResponseMessage response, Records records)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return false;
        }

        using var missing = await SendAsync(client, method, Url(route, kind => IsRecord(kind) ? Missing.ToString(CultureInfo.InvariantCulture) : Value(kind, records)));
        return missing.StatusCode == HttpStatusCode.BadRequest;
    }

    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/acces-refuse", StringComparison.Ordinal) == true);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET" && method != "HEAD")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
