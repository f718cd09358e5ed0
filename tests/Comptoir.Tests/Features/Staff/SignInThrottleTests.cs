using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comptoir.Features.DemoData;
using Comptoir.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Comptoir.Tests.Features.Staff;

/// <summary>
/// Failed sign-ins throttle the address they come from, never the member elsewhere, and say nothing about
/// which accounts exist. Client addresses are set per request through a header only these test hosts read.
/// </summary>
public sealed partial class SignInThrottleTests(SignInThrottleTests.ThrottleHosts hosts) : IClassFixture<SignInThrottleTests.ThrottleHosts>
{
    private const string WrongPassword = "pas-le-bon-mot-de-passe";
    private const string Incorrect = "Adresse e-mail ou mot de passe incorrect.";
    private const string Throttled = "Trop d'essais de connexion depuis cette adresse.";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Wrong_passwords_throttle_their_address_only_and_only_for_the_window(Db db)
    {
        var (host, clock) = await hosts.GetAsync(db);
        var email = StaffSession.Demo("superviseur.tunis");
        using var attacker = From(host, "10.2.0.1");
        using var member = From(host, "10.2.0.2");

        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await ErrorAsync(await StaffSession.PostSignInAsync(attacker, email, WrongPassword + i)));
        }

        var rightFromAttacker = await StaffSession.PostSignInAsync(attacker, email, DemoAccounts.Password);
        var rightFromMember = await StaffSession.PostSignInAsync(member, email, DemoAccounts.Password);
        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        using var attackerLater = From(host, "10.2.0.1");
        var rightFromAttackerLater = await StaffSession.PostSignInAsync(attackerLater, email, DemoAccounts.Password);

        Assert.All(answers.Take(5), answer => Assert.Contains(Incorrect, answer, StringComparison.Ordinal));
        Assert.Contains(Throttled, answers[5], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rightFromAttacker.StatusCode);
        Assert.Contains(Throttled, await ErrorAsync(rightFromAttacker), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, rightFromMember.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, rightFromAttackerLater.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Unknown_and_known_accounts_get_the_same_answers_when_wrong_and_when_throttled(Db db)
    {
        var (host, _) = await hosts.GetAsync(db);
        using var onKnown = From(host, "10.1.0.1");
        using var onUnknown = From(host, "10.1.0.2");
        var known = StaffSession.Demo("conseiller.evry");
        var unknown = $"personne.{Guid.NewGuid():N}@{DemoAccounts.Domain}";

        var knownAnswers = new List<(HttpStatusCode, string)>();
        var unknownAnswers = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 6; i++)
        {
            var k = await StaffSession.PostSignInAsync(onKnown, known, WrongPassword);
            knownAnswers.Add((k.StatusCode, await ErrorAsync(k)));
            var u = await StaffSession.PostSignInAsync(onUnknown, unknown, WrongPassword);
            unknownAnswers.Add((u.StatusCode, await ErrorAsync(u)));
        }

        Assert.Equal(knownAnswers, unknownAnswers);
        Assert.Equal((HttpStatusCode.OK, Incorrect), knownAnswers[0]);
        Assert.Equal(HttpStatusCode.OK, knownAnswers[5].Item1);
        Assert.StartsWith(Throttled, knownAnswers[5].Item2, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_address_failing_on_many_accounts_is_throttled_for_every_account(Db db)
    {
        var (host, _) = await hosts.GetAsync(db);
        using var stuffer = From(host, "10.3.0.1");
        using var member = From(host, "10.3.0.2");
        for (var i = 0; i < 30; i++)
        {
            Assert.Contains(Incorrect, await ErrorAsync(await StaffSession.PostSignInAsync(stuffer, $"liste.{i}.{Guid.NewGuid():N}@example.test", WrongPassword)), StringComparison.Ordinal);
        }

        var email = StaffSession.Demo("conseiller.tunis");
        var fromStuffer = await StaffSession.PostSignInAsync(stuffer, email, DemoAccounts.Password);
        var fromMember = await StaffSession.PostSignInAsync(member, email, DemoAccounts.Password);

        Assert.Contains(Throttled, await ErrorAsync(fromStuffer), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, fromMember.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Past_the_accounts_ceiling_the_member_still_signs_in_from_an_address_they_used(Db db)
    {
        var (host, _) = await hosts.GetAsync(db);
        var email = StaffSession.Demo("responsable.evry");
        using var usual = From(host, "10.4.0.1");
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostSignInAsync(usual, email, DemoAccounts.Password)).StatusCode);
        for (var i = 0; i < 50; i++)
        {
            using var bot = From(host, $"10.5.0.{i + 1}");
            await StaffSession.PostSignInAsync(bot, email, WrongPassword);
        }

        using var stranger = From(host, "10.6.0.1");
        var fromStranger = await StaffSession.PostSignInAsync(stranger, email, DemoAccounts.Password);
        using var usualAgain = From(host, "10.4.0.1");
        var fromUsual = await StaffSession.PostSignInAsync(usualAgain, email, DemoAccounts.Password);

        Assert.Contains(Throttled, await ErrorAsync(fromStranger), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, fromUsual.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Wrong_current_passwords_on_the_change_form_count_as_failed_sign_ins(Db db)
    {
        var (host, _) = await hosts.GetAsync(db);
        const string Current = "Nouveau-compte-2026";
        var email = $"emprunt.{Guid.NewGuid():N}@example.test";
        using (var admin = From(host, "10.7.0.1"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostSignInAsync(admin, StaffSession.Demo("admin"), DemoAccounts.Password)).StatusCode);
            var site = (await admin.GetFromJsonAsync<JsonElement>("/api/sites")).EnumerateArray().First().GetProperty("id").GetInt32();
            var created = await admin.PostAsJsonAsync("/api/staff", new { displayName = "Session Empruntée", email, role = "Advisor", siteId = site, password = Current });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var borrowed = From(host, "10.7.0.2");
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostSignInAsync(borrowed, email, Current)).StatusCode);
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await ErrorAsync(await ChangePasswordAsync(borrowed, WrongPassword + i)));
        }

        var withTheRightOne = await ErrorAsync(await ChangePasswordAsync(borrowed, Current));
        using var elsewhere = From(host, "10.7.0.3");
        var signInElsewhere = await StaffSession.PostSignInAsync(elsewhere, email, Current);

        Assert.All(answers, answer => Assert.DoesNotContain(Throttled, answer, StringComparison.Ordinal));
        Assert.Contains(Throttled, withTheRightOne, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signInElsewhere.StatusCode);
    }

    private static async Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current)
    {
        var form = await client.GetStringAsync("/app/mot-de-passe");
        return await client.PostAsync("/app/mot-de-passe", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Current"] = current,
            ["Form.New"] = "Une-phrase-bien-longue-2027",
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(form),
        }));
    }

    private static HttpClient From(ComptoirHost host, string address)
    {
        var client = host.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }

    /// <summary>The text of the form's error summary (empty after a successful sign-in's redirect).</summary>
    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var match = ErrorSummary().Match(html);
        return match.Success ? WebUtility.HtmlDecode(Tags().Replace(match.Groups[1].Value, "")).Trim() : "";
    }

    [GeneratedRegex("<div[^>]*class=\"[^\"]*validation-summary-errors[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummary();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    /// <summary>A host per database with a clock the tests move and client addresses they choose.</summary>
    public sealed class ThrottleHosts : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<Db, Lazy<Task<(ComptoirHost, FakeTimeProvider)>>> _hosts = new();

        public Task<(ComptoirHost Host, FakeTimeProvider Clock)> GetAsync(Db db)
        {
            if (db == Db.PostgreSql)
            {
                TestDatabase.PostgresServer();
            }

            return _hosts.GetOrAdd(db, key => new Lazy<Task<(ComptoirHost, FakeTimeProvider)>>(async () =>
            {
                var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
                var host = new ComptoirHost(await TestDatabase.CreateAsync(key), services: services =>
                {
                    services.AddSingleton<TimeProvider>(clock);
                    services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
                });
                host.StartServer();
                return (host, clock);
            })).Value;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var lazy in _hosts.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully))
            {
                var (host, _) = lazy.Value.Result;
                await host.DisposeAsync();
                await host.Database.DisposeAsync();
            }
        }
    }

    /// <summary>Lets a test request say which client address it comes from, as a proxy would.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
