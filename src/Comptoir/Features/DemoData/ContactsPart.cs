using System.Globalization;
using Comptoir.Features.Causes;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Comptoir.Features.Routing;
using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Comptoir.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.DemoData;

/// <summary>
/// Ninety days of contacts with the real channel mix (phone 55 %, e-mail and SMS 42 %, social 2 %, mail 1 %)
/// and daily volumes per activity (22,000 a day at full scale, a hundredth at small scale), every one
/// brought in through the real ingestion pipeline, then worked: answered, transferred, closed, or still
/// waiting for the most recent ones. Also a few checkout-notebook entries per store and day.
/// </summary>
internal sealed class ContactsPart(RoutingCatalog catalog, CauseClassifier classifier, Acknowledgements acknowledgements, IOptions<IngestionOptions> options, DatabaseInfo database, IdReservoir ids) : IDemoDataPart
{
    private const int Days = 90;
    private const int Batch = 500;

    /// <summary>Share of each channel per activity, in per mille; tuned so that the day sums to the group's mix.</summary>
    private static readonly Dictionary<string, (Channel Channel, int PerMille)[]> Mix = new()
    {
        ["SWITCHBOARD"] = [(Channel.Phone, 750), (Channel.Email, 100), (Channel.WebForm, 100), (Channel.Sms, 36), (Channel.Social, 10), (Channel.Letter, 4)],
        ["ECOMMERCE"] = [(Channel.Phone, 250), (Channel.Email, 350), (Channel.Sms, 150), (Channel.WebForm, 200), (Channel.Social, 50)],
        ["STORE_CARD"] = [(Channel.Phone, 500), (Channel.Email, 300), (Channel.Sms, 60), (Channel.WebForm, 100), (Channel.Letter, 40)],
        ["FUEL"] = [(Channel.Phone, 500), (Channel.Email, 250), (Channel.Sms, 100), (Channel.WebForm, 150)],
        ["CONSUMER"] = [(Channel.Phone, 150), (Channel.Email, 400), (Channel.WebForm, 280), (Channel.Sms, 50), (Channel.Social, 20), (Channel.Letter, 100)],
        ["CAR_RENTAL"] = [(Channel.Phone, 300), (Channel.Email, 400), (Channel.WebForm, 250), (Channel.Sms, 50)],
    };

    /// <summary>Relative volume by day of week, Sunday first: stores are mostly closed on Sunday.</summary>
    private static readonly double[] Weekday = [0.45, 1.2, 1.05, 1.0, 1.0, 1.05, 1.1];

    public int Order => 20;

    public string Name => "contacts";

    public async Task<string> GenerateAsync(DemoDataRun run, CancellationToken cancellationToken)
    {
        var db = run.Db;
        var random = run.RandomFor(Name);
        var scale = run.Scale == DemoScale.Full ? 1.0 : 0.01;
        var routing = await catalog.ReadAsync(db, cancellationToken);
        var activities = await db.Activities.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Code, a.TypicalDailyContacts }).ToListAsync(cancellationToken);
        var stores = await db.Stores.AsNoTracking().Where(s => s.Country!.Code == "FR").OrderBy(s => s.Id).Select(s => new DemoStore(s.Id, s.Name)).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsFreshTrade || d.Code == "CHECKOUTS").Select(d => d.Id).ToListAsync(cancellationToken);
        var advisors = await db.Staff.AsNoTracking().Where(m => m.Role == StaffRole.Advisor).OrderBy(m => m.Id).Select(m => new { m.Id, m.SiteId }).ToListAsync(cancellationToken);
        var bySite = advisors.GroupBy(a => a.SiteId!.Value).ToDictionary(g => g.Key, g => g.Select(a => a.Id).ToArray());
        var customers = new DemoCustomers(run.Seed, run.Scale == DemoScale.Full ? 400_000 : 4_000);
        var lifecycle = new DemoLifecycle(db, routing, bySite, run.Now);
        var paris = BusinessClock.Zone("Europe/Paris");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(run.Now, paris).DateTime);
        var total = 0;
        var notebook = 0;

        for (var day = today.AddDays(-(Days - 1)); day <= today; day = day.AddDays(1))
        {
            await catalog.ReadAsync(db, cancellationToken);
            var contacts = new List<(InboundContact Contact, bool Answered)>();
            foreach (var activity in activities)
            {
                var count = (int)Math.Round(activity.TypicalDailyContacts * scale * Weekday[(int)day.DayOfWeek] * (0.9 + 0.2 * random.NextDouble()));
                for (var i = 0; i < count; i++)
                {
                    var at = AtDuringDay(random, day, paris);
                    if (at < run.Now)
                    {
                        contacts.Add(Contact(random, activity.Id, activity.Code, at, stores, customers, advisors.Count == 0 ? null : bySite, routing));
                    }
                }
            }

            foreach (var surge in DemoVerbatims.Surges.Where(s => day > today.AddDays(-s.DaysBeforeEnd - 1)))
            {
                var activity = activities.First(a => a.Code == surge.Activity);
                for (var i = 0; i < (int)Math.Round(surge.ExtraPerDay * scale); i++)
                {
                    var at = AtDuringDay(random, day, paris);
                    if (at < run.Now)
                    {
                        var text = surge.Phrasings[random.Next(surge.Phrasings.Length)];
                        contacts.Add(Contact(random, activity.Id, activity.Code, at, stores, customers, advisors.Count == 0 ? null : bySite, routing, (surge.Cause, text)));
                    }
                }
            }

            foreach (var store in stores)
            {
                for (var i = 0; i < Poisson(random, run.Scale == DemoScale.Full ? 1.5 : 0.3); i++)
                {
                    var at = AtDuringDay(random, day, paris);
                    if (at < run.Now)
                    {
                        contacts.Add((Notebook(random, routing, activities.First(a => a.Code == "SWITCHBOARD").Id, store, departments, at), false));
                        notebook++;
                    }
                }
            }

            foreach (var chunk in contacts.OrderBy(c => c.Contact.At).Chunk(Batch))
            {
                var ingest = new IngestContacts(db, catalog, classifier, acknowledgements, options, database, ids, new FixedClock(chunk[^1].Contact.At));
                var results = await ingest.ExecuteAsync([.. chunk.Select(c => c.Contact)], cancellationToken);
                await lifecycle.WorkAsync(random, chunk, results, cancellationToken);
                total += chunk.Length;
            }

            await run.CheckpointAsync(cancellationToken);
        }

        // Historical acknowledgements left long ago; only the last hour's still wait for the outbox.
        var sentBefore = run.Now.AddHours(-1);
        await db.Messages.Where(m => m.Delivery == DeliveryStatus.Pending && m.At < sentBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Delivery, DeliveryStatus.Sent).SetProperty(m => m.NextDeliveryAttemptAt, (DateTimeOffset?)null), cancellationToken);
        var customerCount = await db.Customers.CountAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{total} contacts over {Days} days ({notebook} checkout-notebook entries), {customerCount} customers");
    }

    private static (InboundContact, bool) Contact(
        Random random, int activityId, string activityCode, DateTimeOffset at, List<DemoStore> stores, DemoCustomers customers,
        Dictionary<int, int[]>? advisors, RoutingCatalog.Snapshot routing, (string Cause, string Text)? verbatim = null)
    {
        var channel = Draw(random, Mix[activityCode]);
        var (cause, text) = verbatim ?? Verbatim(random, activityCode);
        var store = activityCode is "SWITCHBOARD" or "FUEL" or "CAR_RENTAL" || random.NextDouble() < 0.3 ? stores[random.Next(stores.Count)] : null;
        text = Fill(random, text, store);
        var person = customers.Pick(random, returning: 0.62);
        var anonymous = channel == Channel.Phone && random.NextDouble() < 0.08;
        var identities = new List<(IdentityKind, string)>();
        string? from = null;
        switch (channel)
        {
            case Channel.Phone or Channel.Sms when !anonymous && person.Phone is { } phone:
                identities.Add((IdentityKind.Phone, phone));
                from = phone;
                break;
            case Channel.Email or Channel.WebForm:
                from = person.Email ?? $"client{person.Index}@mail.example";
                identities.Add((IdentityKind.Email, from));
                if (channel == Channel.WebForm && person.LoyaltyCard is { } card && random.NextDouble() < 0.5)
                {
                    identities.Add((IdentityKind.LoyaltyCard, card));
                }

                break;
            case Channel.Social:
                from = "facebook:" + person.Handle;
                identities.Add((IdentityKind.SocialHandle, from));
                break;
            case Channel.Letter when person.Email is { } email && random.NextDouble() < 0.3:
                identities.Add((IdentityKind.Email, email));
                break;
        }

        // A withheld number cannot be called back: such calls are the answered ones.
        var answered = channel == Channel.Phone && (from is null || random.NextDouble() < 0.85);
        int? advisor = null;
        int? advisorSite = null;
        if (answered && advisors is not null)
        {
            var queue = routing.RouteQueue(channel, activityId, "fr", null, store?.Id);
            var sites = routing.Queues[queue].HomeSiteIds.Where(advisors.ContainsKey).ToList();
            if (sites.Count > 0)
            {
                advisorSite = sites[random.Next(sites.Count)];
                var team = advisors[advisorSite.Value];
                advisor = team[random.Next(team.Length)];
            }
        }

        var callback = channel == Channel.Phone && !answered && from is not null;
        return (new InboundContact
        {
            Channel = channel,
            ExternalId = $"demo:{Guid.CreateVersion7(at):N}",
            At = at,
            ActivityId = activityId,
            StoreId = store?.Id,
            Subject = callback ? $"Rappeler {from}" : channel is Channel.Email or Channel.WebForm ? cause : null,
            Body = text,
            Language = "fr",
            From = from,
            CustomerName = channel is Channel.Phone or Channel.Sms or Channel.Social ? null : person.Name,
            ReplyTo = channel is Channel.Email or Channel.WebForm or Channel.Sms ? from : null,
            Identities = identities,
            // As the real channels say it (decision 17): the operator proves numbers and the network handles, the mail
            // servers weakly prove an e-mail's From; a form or a letter proves nothing.
            Proven = from is null ? null : channel switch
            {
                Channel.Phone or Channel.Sms => (IdentityKind.Phone, from, IdentityProof.Verified),
                Channel.Social => (IdentityKind.SocialHandle, from, IdentityProof.Verified),
                Channel.Email => (IdentityKind.Email, from, IdentityProof.Weak),
                _ => null,
            },
            Kind = callback ? ConversationKind.Callback : ConversationKind.Contact,
            HandledById = answered ? advisor : null,
            SiteId = answered ? advisorSite : null,
        }, answered && advisor is not null);
    }

    private static InboundContact Notebook(Random random, RoutingCatalog.Snapshot routing, int activityId, DemoStore store, List<int> departments, DateTimeOffset at)
    {
        var (_, text) = Verbatim(random, "SWITCHBOARD");
        return new InboundContact
        {
            Channel = Channel.CheckoutNotebook,
            ExternalId = $"demo:{Guid.CreateVersion7(at):N}",
            At = at,
            ActivityId = activityId,
            StoreId = store.Id,
            CountryId = routing.Stores[store.Id].CountryId,
            DepartmentId = departments[random.Next(departments.Count)],
            Owner = ConversationOwner.Store,
            Subject = "Carnet de caisse · caisse " + random.Next(1, 40).ToString(CultureInfo.InvariantCulture),
            Body = Fill(random, text, store),
            Language = "fr",
        };
    }

    private static (string Cause, string Text) Verbatim(Random random, string activity)
    {
        var causes = DemoVerbatims.ByActivity[activity];
        var pick = random.Next(causes.Sum(c => c.Weight));
        foreach (var cause in causes)
        {
            if ((pick -= cause.Weight) < 0)
            {
                return (cause.Name, cause.Phrasings[random.Next(cause.Phrasings.Length)]);
            }
        }

        return (causes[0].Name, causes[0].Phrasings[0]);
    }

    private static string Fill(Random random, string text, DemoStore? store) =>
        DemoVerbatims.Fill(random, text, store?.Name.Replace("Hypermarché ", "", StringComparison.Ordinal) ?? "mon magasin");

    private static Channel Draw(Random random, (Channel Channel, int PerMille)[] mix)
    {
        var pick = random.Next(mix.Sum(m => m.PerMille));
        foreach (var (channel, share) in mix)
        {
            if ((pick -= share) < 0)
            {
                return channel;
            }
        }

        return mix[0].Channel;
    }

    /// <summary>A time of day with the service centre's two peaks (late morning, mid afternoon).</summary>
    private static DateTimeOffset AtDuringDay(Random random, DateOnly day, TimeZoneInfo zone)
    {
        var hour = random.NextDouble() < 0.5 ? Normal(random, 10.5, 1.6) : Normal(random, 15.5, 2.0);
        var minutes = Math.Clamp(hour * 60, 8 * 60, 20 * 60 - 1);
        var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }

    private static double Normal(Random random, double mean, double deviation) =>
        mean + deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }

    internal sealed record DemoStore(int Id, string Name);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
