using System.Net;
using System.Net.Http.Json;
using Comptoir.Tests.Infrastructure;

namespace Comptoir.Tests.Features.Authorization;

/// <summary>
/// For every role, records inside its scope open and records outside it do not exist: 404 on the HTTP API
/// and on the page, never 403, so that nobody learns what lies beyond their scope.
/// </summary>
public sealed class ScopingTests(Hosts hosts)
{
    public sealed record Scope(string Account, ScopedRecord[] Inside, ScopedRecord[] Outside);

    private static readonly Dictionary<string, Scope> Roles = new()
    {
        ["Advisor (outsourced)"] = new("conseiller.tunis",
            [ScopedRecord.Site("TUNIS"), ScopedRecord.Staff("conseiller.tunis")],
            [ScopedRecord.Site("EVRY"), ScopedRecord.Staff("conseiller2.tunis"), ScopedRecord.Staff("conseiller.evry"), ScopedRecord.Store("H001")]),
        ["Supervisor (outsourced)"] = new("superviseur.tunis",
            [ScopedRecord.Site("TUNIS"), ScopedRecord.Staff("conseiller.tunis")],
            [ScopedRecord.Site("EVRY"), ScopedRecord.Site("DAKAR"), ScopedRecord.Staff("conseiller.evry"), ScopedRecord.Store("H001")]),
        ["Site manager"] = new("responsable.evry",
            [ScopedRecord.Site("EVRY"), ScopedRecord.Staff("conseiller.evry")],
            [ScopedRecord.Site("TUNIS"), ScopedRecord.Staff("conseiller.tunis"), ScopedRecord.Store("H001")]),
        ["Store director"] = new("directeur.h001",
            [ScopedRecord.Store("H001"), ScopedRecord.Staff("boulangerie.h001")],
            [ScopedRecord.Store("H020"), ScopedRecord.Staff("directeur.h020"), ScopedRecord.Site("EVRY")]),
        ["Department manager"] = new("boulangerie.h001",
            [ScopedRecord.Store("H001"), ScopedRecord.Staff("boulangerie.h001")],
            [ScopedRecord.Store("H020"), ScopedRecord.Staff("directeur.h001"), ScopedRecord.Site("EVRY")]),
        ["Country executive"] = new("direction.fr",
            [ScopedRecord.Store("H020"), ScopedRecord.Staff("directeur.h020"), ScopedRecord.Site("TUNIS")],
            [ScopedRecord.Store("ES01"), ScopedRecord.Staff("directeur.es01")]),
        ["Community manager"] = new("communaute.fr",
            [ScopedRecord.Staff("communaute.fr")],
            [ScopedRecord.Store("H001"), ScopedRecord.Site("EVRY"), ScopedRecord.Staff("directeur.h001")]),
        ["Administrator"] = new("admin",
            [ScopedRecord.Store("ES01"), ScopedRecord.Site("TUNIS"), ScopedRecord.Staff("conseiller.tunis"), ScopedRecord.Staff("directeur.tw01")],
            []),
    };

    public static TheoryData<Db, string> Cases()
    {
        var data = new TheoryData<Db, string>();
        foreach (var db in Enum.GetValues<Db>())
        {
            foreach (var role in Roles.Keys)
            {
                data.Add(db, role);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Each_role_reads_its_scope_and_gets_404_outside_it(Db db, string role)
    {
        var host = await hosts.GetAsync(db);
        var scope = Roles[role];
        using var client = await host.SignInAsync(StaffSession.Demo(scope.Account));

        foreach (var record in scope.Inside)
        {
            var (api, page) = await record.UrlsAsync(host);
            Assert.True((await client.GetAsync(api)).StatusCode == HttpStatusCode.OK, $"{role} should read {record} at {api}");
            Assert.True((await client.GetAsync(page)).StatusCode == HttpStatusCode.OK, $"{role} should open {record} at {page}");
        }

        foreach (var record in scope.Outside)
        {
            var (api, page) = await record.UrlsAsync(host);
            Assert.True((await client.GetAsync(api)).StatusCode == HttpStatusCode.NotFound, $"{role} must get 404 for {record} at {api}");
            Assert.True((await client.GetAsync(page)).StatusCode == HttpStatusCode.NotFound, $"{role} must get 404 for {record} at {page}");
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Lists_contain_only_what_the_member_may_see(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var director = await host.SignInAsync(StaffSession.Demo("directeur.h001"));
        using var france = await host.SignInAsync(StaffSession.Demo("direction.fr"));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.tunis"));

        var directorStores = await director.GetFromJsonAsync<StorePage>("/api/stores");
        var franceStores = await france.GetFromJsonAsync<StorePage>("/api/stores?size=200");
        var advisorSites = await advisor.GetFromJsonAsync<List<SiteRow>>("/api/sites");
        var advisorStaff = await advisor.GetFromJsonAsync<StaffPage>("/api/staff");

        Assert.Equal(["H001"], directorStores!.Items.Select(s => s.Code));
        Assert.Equal(12, franceStores!.Total);
        Assert.All(franceStores.Items, s => Assert.Equal("FR", s.CountryCode));
        Assert.Equal(["TUNIS"], advisorSites!.Select(s => s.Code));
        Assert.Equal(1, advisorStaff!.Total);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Only_administrators_open_accounts(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var director = await host.SignInAsync(StaffSession.Demo("directeur.h001"));

        var api = await director.PostAsJsonAsync("/api/staff", new { displayName = "X", email = "x@example.test", role = "Advisor", password = "Long-enough-2026" });
        var page = await director.GetAsync("/app/admin/equipe");

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/acces-refuse", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private sealed record StorePage(List<StoreRow> Items, int Total);

    private sealed record StoreRow(string Code, string CountryCode);

    private sealed record SiteRow(string Code);

    private sealed record StaffPage(int Total);
}
