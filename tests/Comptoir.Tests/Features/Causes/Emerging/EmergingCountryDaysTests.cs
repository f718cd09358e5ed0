using System.Net;
using System.Net.Http.Json;
using Comptoir.Features.Causes;
using Comptoir.Features.Causes.Emerging;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Comptoir.Tests.Features.Causes.Digests.DigestClock;

namespace Comptoir.Tests.Features.Causes.Emerging;

/// <summary>Each country's emerging irritants follow its own days; the group's follow Paris.</summary>
public sealed class EmergingCountryDaysTests
{
    private static readonly TimeZoneInfo Taipei = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_surge_after_midnight_in_Taipei_is_flagged_on_Taipei_s_new_day_while_Paris_is_still_on_the_day_before(Db db)
    {
        var clock = new FakeTimeProvider(LocalTime(Taipei, 2026, 10, 1, 11));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = Host(database, clock);
        var taiwan = await host.CountryAsync("TW");
        for (var d = 0; d < 9; d++)
        {
            clock.SetUtcNow(LocalTime(Taipei, 2026, 10, 1 + d, 11));
            await host.WriteAllAsync(clock, EmergingIrritantTests.Everyday.Skip(d % 2), taiwan);
        }

        // Three late on the 9th in Taipei (17:00 in Paris), seven after midnight (20:00 in Paris, still the 9th).
        clock.SetUtcNow(LocalTime(Taipei, 2026, 10, 9, 23));
        var evening = await host.WriteAllAsync(clock, EmergingIrritantTests.Surge.Take(3), taiwan);
        clock.SetUtcNow(LocalTime(Taipei, 2026, 10, 10, 2));
        var night = await host.WriteAllAsync(clock, EmergingIrritantTests.Surge.Skip(3), taiwan);
        clock.SetUtcNow(LocalTime(Taipei, 2026, 10, 10, 3));
        Assert.Equal(new DateOnly(2026, 10, 9), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).DateTime));

        var raised = await host.WatchAsync();
        var flags = await host.FlagsAsync();
        var cursors = await host.QueryAsync(c => c.EmergingScopes.Where(s => s.ScopeId == 0 || s.ScopeId == taiwan).ToDictionaryAsync(s => (s.Scope, s.ScopeId), s => s.FoldedThrough));

        Assert.Equal(raised, flags.Count);
        var inTaiwan = Assert.Single(flags, f => f.Kind == EmergingKind.Term && f.Scope == CauseScope.Country && f.ScopeId == taiwan && f.Term == "3ds2");
        Assert.Equal((new DateOnly(2026, 10, 10), "Asia/Taipei", 7, false), (inTaiwan.Day, inTaiwan.TimeZoneId, inTaiwan.Count, inTaiwan.Unseen));
        Assert.All(inTaiwan.Verbatims, v => Assert.Contains(v.ConversationId, night));
        var inGroup = Assert.Single(flags, f => f.Kind == EmergingKind.Term && f.Scope == CauseScope.Group && f.Term == "3ds2");
        Assert.Equal((new DateOnly(2026, 10, 9), "Europe/Paris", 10, true), (inGroup.Day, inGroup.TimeZoneId, inGroup.Count, inGroup.Unseen));
        // Taipei's 9th is over and folded; Paris's 9th is not.
        Assert.Equal(new DateOnly(2026, 10, 9), cursors[(CauseScope.Country, taiwan)]);
        Assert.Equal(new DateOnly(2026, 10, 8), cursors[(CauseScope.Group, 0)]);

        // A cause made from Taiwan's flag learns from Taipei's 10th only, not from the evening before.
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var payment = await host.CauseAsync("payment");
        var created = await admin.PostAsJsonAsync($"/api/irritants/emerging/{inTaiwan.Id}/cause", new { name = "Code 3DS2", parentId = payment });
        var body = await created.Content.ReadFromJsonAsync<CreateCauseFromEmerging.Response>();
        var examples = await host.QueryAsync(c => c.CauseExamples.Where(e => e.CauseId == body!.CauseId).Select(e => e.ConversationId!.Value).ToListAsync());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(night.Order(), examples.Order());
        Assert.DoesNotContain(evening, examples.Contains);
    }
}
