using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Features.Staff.Sessions;
using Comptoir.Platform.Auth;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Comptoir.Tests.Features.Staff;

/// <summary>
/// Signing out, a password change and deactivation end sessions at once, on every node: an old cookie is
/// replayed on a second host sharing the database, as a stolen or forgotten one would be.
/// </summary>
public sealed class SessionTests(SessionTests.TwoNodes nodes) : IClassFixture<SessionTests.TwoNodes>
{
    private const string Password = "Nouveau-compte-2026";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task After_signing_out_the_old_cookie_is_refused_on_every_node(Db db)
    {
        var (first, second) = await nodes.GetAsync(db);
        var email = await NewAdvisorAsync(first);
        var (client, jar) = await SignInAsync(first, email, Password);
        using var signedIn = client;
        var cookie = AuthCookie(jar, first.Address);
        using var replay = Replaying(second, cookie);
        var meBefore = await replay.GetAsync("/api/me");
        var noteBefore = await PostNoteAsync(replay);

        var home = await client.GetStringAsync("/app");
        var signOut = await client.PostAsync("/deconnexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(home),
        }));
        var meAfter = await replay.GetAsync("/api/me");
        var noteAfter = await PostNoteAsync(replay);
        using var sameNode = Replaying(first, cookie);
        var meAfterOnFirst = await sameNode.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, meBefore.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noteBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, meAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noteAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, meAfterOnFirst.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Signing_in_over_an_open_session_ends_it(Db db)
    {
        var (first, second) = await nodes.GetAsync(db);
        var email = await NewAdvisorAsync(first);
        var otherEmail = await NewAdvisorAsync(first);
        var (tablet, jar) = await SignInAsync(first, email, Password);
        using var signedIn = tablet;
        using var copy = Replaying(second, AuthCookie(jar, first.Address));
        var before = await copy.GetAsync("/api/me");

        var next = await StaffSession.PostSignInAsync(tablet, otherEmail, Password);
        var me = await tablet.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.NotEqual((await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), me.GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/me")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Changing_the_password_ends_the_accounts_other_sessions_and_keeps_this_one(Db db)
    {
        var (first, second) = await nodes.GetAsync(db);
        var email = await NewAdvisorAsync(first);
        var otherEmail = await NewAdvisorAsync(first);
        var (here, _) = await SignInAsync(first, email, Password);
        var (elsewhere, elsewhereJar) = await SignInAsync(first, email, Password);
        var (colleague, colleagueJar) = await SignInAsync(first, otherEmail, Password);
        using var a = here;
        using var b = elsewhere;
        using var c = colleague;
        using var elsewhereOnSecond = Replaying(second, AuthCookie(elsewhereJar, first.Address));
        using var colleagueOnSecond = Replaying(second, AuthCookie(colleagueJar, first.Address));
        var before = await elsewhereOnSecond.GetAsync("/api/me");

        var form = await here.GetStringAsync("/app/mot-de-passe");
        var changed = await here.PostAsync("/app/mot-de-passe", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Current"] = Password,
            ["Form.New"] = "Un-autre-mot-de-passe-2027",
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(form),
        }));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhereOnSecond.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostNoteAsync(elsewhereOnSecond)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleagueOnSecond.GetAsync("/api/me")).StatusCode);
        using var fresh = first.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostSignInAsync(fresh, email, "Un-autre-mot-de-passe-2027")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Deactivating_an_account_ends_all_its_sessions_at_their_next_request(Db db)
    {
        var (first, second) = await nodes.GetAsync(db);
        var email = await NewAdvisorAsync(first);
        var otherEmail = await NewAdvisorAsync(first);
        var (one, oneJar) = await SignInAsync(first, email, Password);
        var (two, twoJar) = await SignInAsync(first, email, Password);
        var (colleague, colleagueJar) = await SignInAsync(first, otherEmail, Password);
        using var a = one;
        using var b = two;
        using var c = colleague;
        using var oneOnSecond = Replaying(second, AuthCookie(oneJar, first.Address));
        using var twoOnSecond = Replaying(second, AuthCookie(twoJar, first.Address));
        using var colleagueOnSecond = Replaying(second, AuthCookie(colleagueJar, first.Address));
        using var admin = await first.SignInAsync(StaffSession.Demo("admin"));
        var id = (await one.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetInt32();
        var before = await twoOnSecond.GetAsync("/api/me");

        var closed = await admin.PostAsync($"/api/staff/{id}/deactivate", null);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oneOnSecond.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await twoOnSecond.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostNoteAsync(twoOnSecond)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await one.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleagueOnSecond.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/me")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_session_in_use_slides_keeps_its_key_when_its_claims_are_refreshed_and_ends_when_left_idle(Db db)
    {
        var (first, second) = await nodes.GetAsync(db);
        var email = await NewAdvisorAsync(first);
        var (client, jar) = await SignInAsync(first, email, Password);
        using var signedIn = client;
        var statuses = new List<HttpStatusCode>();

        // Past the security stamp's interval, the claims are read again and the cookie re-issued.
        foreach (var wait in new[] { TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2), TimeSpan.FromHours(9), TimeSpan.FromHours(9) })
        {
            nodes.Clock.Advance(wait);
            statuses.Add((await client.GetAsync("/api/me")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        using var replay = Replaying(second, AuthCookie(jar, first.Address));
        var activeOnSecond = await replay.GetAsync("/api/me");
        nodes.Clock.Advance(SignInSessions.Lifetime + TimeSpan.FromMinutes(1));
        var idle = await replay.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, activeOnSecond.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, idle.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Sessions_are_kept_30_days_after_they_expire_and_failures_15_minutes(Db db)
    {
        var (first, _) = await nodes.GetAsync(db);
        var email = await NewAdvisorAsync(first);
        var (client, _) = await SignInAsync(first, email, Password);
        client.Dispose();
        using var wrong = first.CreateBrowserlessClient();
        var account = SignInThrottle.AccountKey(email);
        await StaffSession.PostSignInAsync(wrong, email, "pas-le-bon-mot-de-passe");
        var member = await first.QueryAsync(c => c.Staff.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());
        var purge = first.Services.GetRequiredService<PurgeSignInRecords>();
        Task<int> SessionsAsync() => first.QueryAsync(c => c.SignInSessions.CountAsync(s => s.StaffMemberId == member));
        Task<int> FailuresAsync() => first.QueryAsync(c => c.SignInFailures.CountAsync(f => f.AccountKey == account));

        await purge.RunOnceAsync(CancellationToken.None);
        var kept = (Sessions: await SessionsAsync(), Failures: await FailuresAsync());
        nodes.Clock.Advance(SignInThrottle.Window + TimeSpan.FromSeconds(1));
        await purge.RunOnceAsync(CancellationToken.None);
        var afterWindow = (Sessions: await SessionsAsync(), Failures: await FailuresAsync());
        nodes.Clock.Advance(SignInSessions.Lifetime + PurgeSignInRecords.KeepSessions);
        await purge.RunOnceAsync(CancellationToken.None);
        var afterMonth = await SessionsAsync();

        Assert.Equal((1, 1), kept);
        Assert.Equal((1, 0), afterWindow);
        Assert.Equal(0, afterMonth);
    }

    private static async Task<string> NewAdvisorAsync(ComptoirHost host)
    {
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var sites = await admin.GetFromJsonAsync<JsonElement>("/api/sites");
        var site = sites.EnumerateArray().First().GetProperty("id").GetInt32();
        var email = $"session.{Guid.NewGuid():N}@example.test";
        var created = await admin.PostAsJsonAsync("/api/staff", new { displayName = "Session Test", email, role = "Advisor", siteId = site, password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return email;
    }

    private static async Task<(HttpClient Client, CookieContainer Jar)> SignInAsync(ComptoirHost host, string email, string password)
    {
        var jar = new CookieContainer();
        var client = new HttpClient(new SameOriginFetch(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = jar })) { BaseAddress = host.Address };
        var response = await StaffSession.PostSignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, jar);
    }

    /// <summary>The sign-in cookie as a browser would send it (every chunk, if it was split).</summary>
    private static string AuthCookie(CookieContainer jar, Uri address) =>
        string.Join("; ", jar.GetCookies(address).Where(c => c.Name.StartsWith(AuthSetup.CookieName, StringComparison.Ordinal)).Select(c => $"{c.Name}={c.Value}"));

    /// <summary>A client that sends the given cookie on every request, whatever the server answers.</summary>
    private static HttpClient Replaying(ComptoirHost host, string cookie)
    {
        Assert.False(string.IsNullOrEmpty(cookie), "No sign-in cookie to replay.");
        var client = new HttpClient(new SameOriginFetch(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })) { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>A note on a conversation that does not exist: 404 when signed in, 401 when not.</summary>
    private static Task<HttpResponseMessage> PostNoteAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/conversations/987654321/notes", new { body = "Note de test." });

    /// <summary>Two hosts on one database, as two nodes behind a load balancer, on a clock the tests move.</summary>
    public sealed class TwoNodes : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<Db, Lazy<Task<(ComptoirHost, ComptoirHost)>>> _nodes = new();

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public Task<(ComptoirHost First, ComptoirHost Second)> GetAsync(Db db)
        {
            if (db == Db.PostgreSql)
            {
                TestDatabase.PostgresServer();
            }

            return _nodes.GetOrAdd(db, key => new Lazy<Task<(ComptoirHost, ComptoirHost)>>(async () =>
            {
                var database = await TestDatabase.CreateAsync(key);
                var first = new ComptoirHost(database, services: s => s.AddSingleton<TimeProvider>(Clock));
                first.StartServer();
                var second = new ComptoirHost(database, new Dictionary<string, string?> { ["Demo:SeedOnFirstRun"] = "false" }, s => s.AddSingleton<TimeProvider>(Clock));
                second.StartServer();
                return (first, second);
            })).Value;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var lazy in _nodes.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully))
            {
                var (first, second) = lazy.Value.Result;
                await second.DisposeAsync();
                await first.DisposeAsync();
                await first.Database.DisposeAsync();
            }
        }
    }
}
