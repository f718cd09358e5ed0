using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Features.DemoData;
using Comptoir.Tests.Infrastructure;

namespace Comptoir.Tests.Features.Staff;

/// <summary>At least 12 characters, and none of the most common passwords, even dressed up with digits.</summary>
public sealed class PasswordTests(Hosts hosts)
{
    private const string TooCommon = "Ce mot de passe fait partie des plus courants";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_common_password_is_refused_when_an_account_is_opened_and_a_strong_one_is_accepted(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var site = (await admin.GetFromJsonAsync<JsonElement>("/api/sites")).EnumerateArray().First().GetProperty("id").GetInt32();

        var refused = new List<HttpResponseMessage>();
        foreach (var password in new[] { "Password1234", "PASSWORD1234", "!!Sunshine2026", "qwertyuiop12" })
        {
            refused.Add(await admin.PostAsJsonAsync("/api/staff", new { displayName = "Mot De Passe", email = $"courant.{Guid.NewGuid():N}@example.test", role = "Advisor", siteId = site, password }));
        }

        var accepted = await admin.PostAsJsonAsync("/api/staff", new
        {
            displayName = "Mot De Passe",
            email = $"solide.{Guid.NewGuid():N}@example.test",
            role = "Advisor",
            siteId = site,
            password = DemoAccounts.Password,
        });

        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var errors = problem.GetProperty("errors").GetProperty("Password").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Contains(errors, e => e!.StartsWith(TooCommon, StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_common_password_is_refused_when_a_member_changes_theirs_with_the_message_in_their_language(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var site = (await admin.GetFromJsonAsync<JsonElement>("/api/sites")).EnumerateArray().First().GetProperty("id").GetInt32();
        var email = $"change.{Guid.NewGuid():N}@example.test";
        const string Current = "Nouveau-compte-2026";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/staff", new { displayName = "Change Mot", email, role = "Advisor", siteId = site, password = Current })).StatusCode);
        using var member = await host.SignInAsync(email, Current);

        var french = await ChangeAsync(member, Current, "Password1234");
        await member.PostAsync("/langue", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en-GB",
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(await member.GetStringAsync("/app/mot-de-passe")),
        }));
        var english = await ChangeAsync(member, Current, "Password1234");
        using var again = host.CreateBrowserlessClient();
        var oldPasswordStillWorks = await StaffSession.PostSignInAsync(again, email, Current);

        Assert.Equal(HttpStatusCode.OK, french.StatusCode);
        Assert.Contains(TooCommon, WebUtility.HtmlDecode(await french.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("This password is one of the most common ones", WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, oldPasswordStillWorks.StatusCode);
    }

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next)
    {
        var form = await client.GetStringAsync("/app/mot-de-passe");
        return await client.PostAsync("/app/mot-de-passe", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Current"] = current,
            ["Form.New"] = next,
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(form),
        }));
    }
}
