using Comptoir.Features.Causes;
using Comptoir.Features.Causes.Digests;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Comptoir.Tests.Features.Causes.Digests;

/// <summary>Hosts with the cause taxonomy on a fake clock, and what digest tests need around them.</summary>
internal static class DigestClock
{
    public const string ThreeDs = "Mon paiement est refusé à la validation 3-D Secure, je ne reçois jamais le code de ma banque.";

    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static readonly Dictionary<string, string?> WithCauses = new() { ["Demo:Parts"] = "organisation,service-setup,causes" };

    public static ComptoirHost Host(TestDatabase database, FakeTimeProvider clock, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(WithCauses);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new ComptoirHost(database, all, s => s.AddSingleton<TimeProvider>(clock));
        host.StartServer();
        return host;
    }

    public static DateTimeOffset LocalTime(TimeZoneInfo zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateTimeOffset ParisTime(int year, int month, int day, int hour, int minute = 0) => LocalTime(Paris, year, month, day, hour, minute);

    public static Task<int> CauseAsync(this ComptoirHost host, string code) =>
        host.QueryAsync(c => c.Causes.Where(x => x.Code == code).Select(x => x.Id).SingleAsync());

    public static Task<int> CountryAsync(this ComptoirHost host, string code) =>
        host.QueryAsync(c => c.Countries.Where(x => x.Code == code).Select(x => x.Id).SingleAsync());

    /// <summary>Adds contacts to the hourly counts of the group and a country, spread over the hours from <paramref name="from"/>.</summary>
    public static Task AddCountsAsync(this ComptoirHost host, int countryId, int causeId, DateTimeOffset from, int hours, int contacts) =>
        host.QueryAsync(async db =>
        {
            var first = CauseCounts.HourOf(from);
            var deltas = Enumerable.Range(0, contacts).SelectMany(i => new[]
            {
                new CauseCountDelta(CauseScope.Group, 0, first + (i % hours), causeId, 1),
                new CauseCountDelta(CauseScope.Country, countryId, first + (i % hours), causeId, 1),
            });
            await CauseCounts.ApplyAsync(db, deltas, default);
            return 0;
        });

    /// <summary>A contact written by e-mail at the clock's time, classified and counted by the real ingestion.</summary>
    public static async Task<long> WriteAsync(this ComptoirHost host, FakeTimeProvider clock, string body, int countryId, string activity = "ECOMMERCE")
    {
        var email = Contacts.NewEmail();
        var result = await host.IngestAsync(new InboundContact
        {
            Channel = Comptoir.Features.Conversations.Channel.Email,
            ExternalId = $"<{Guid.NewGuid():N}@example.test>",
            At = clock.GetUtcNow(),
            ActivityId = await host.ActivityAsync(activity),
            CountryId = countryId,
            Subject = "Bonjour",
            Body = body,
            From = email,
            ReplyTo = email,
            Identities = [(IdentityKind.Email, email)],
        });
        return result.ConversationId;
    }

    public static Task<int> ProduceAsync(this ComptoirHost host) => host.Services.GetRequiredService<ProduceDigests>().RunOnceAsync(default);

    public static Task<CauseDigest> DigestAsync(this ComptoirHost host, CauseScope scope, int scopeId, DateOnly day) =>
        host.QueryAsync(c => c.CauseDigests.AsNoTracking().Include(d => d.Entries).ThenInclude(e => e.Verbatims)
            .SingleAsync(d => d.Scope == scope && d.ScopeId == scopeId && d.LocalDate == day));
}
