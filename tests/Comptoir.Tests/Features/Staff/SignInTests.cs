using System.Net;
using Comptoir.Features.DemoData;
using Comptoir.Tests.Infrastructure;

namespace Comptoir.Tests.Features.Staff;

public sealed class SignInTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Each_role_lands_on_its_own_home_page(Db db)
    {
        var host = await hosts.GetAsync(db);
        var expectations = new Dictionary<string, string>
        {
            ["conseiller.tunis"] = "Tunis (Armatis)",
            ["responsable.evry"] = "Évry",
            ["directeur.h001"] = "Hypermarché Évry 2",
            ["boulangerie.h001"] = "Hypermarché Évry 2",
            ["direction.fr"] = "Magasins · France",
            ["communaute.fr"] = "Magasins · France",
            ["admin"] = "Magasins du groupe",
        };

        foreach (var (mailbox, expected) in expectations)
        {
            using var client = await host.SignInAsync(StaffSession.Demo(mailbox));
            var home = await client.GetStringAsync("/app");
            Assert.True(home.Contains(expected, StringComparison.Ordinal), $"{mailbox}'s home page should show '{expected}'.");
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();

        var response = await StaffSession.PostSignInAsync(client, StaffSession.Demo("conseiller.evry"), "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Five_wrong_passwords_throttle_the_address_even_against_the_right_one(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var email = StaffSession.Demo("conseiller3.dakar");

        for (var i = 0; i < 5; i++)
        {
            await StaffSession.PostSignInAsync(client, email, "wrong-password-" + i);
        }

        var right = await StaffSession.PostSignInAsync(client, email, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Trop d'essais de connexion depuis cette adresse", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_posts_are_limited_per_address_and_reading_the_form_is_not()
    {
        await using var database = await TestDatabase.CreateAsync(Db.Sqlite);
        await using var host = new ComptoirHost(database, new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        using var client = host.CreateBrowserlessClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await StaffSession.PostSignInAsync(client, StaffSession.Demo("admin"), "wrong")).StatusCode);
        }

        var form = await client.GetAsync("/connexion");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Signing_out_ends_the_session(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = await host.SignInAsync(StaffSession.Demo("superviseur.tunis"));
        var home = await client.GetStringAsync("/app");

        var signOut = await client.PostAsync("/deconnexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(home),
        }));
        var after = await client.GetAsync("/app");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }
}
