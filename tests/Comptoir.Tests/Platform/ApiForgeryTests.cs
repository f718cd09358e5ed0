using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Platform;

/// <summary>
/// A signed-in member's browser sends the staff cookie with requests other pages start: the API accepts a
/// state-changing call only when the browser says it comes from Comptoir's own origin, sent as JSON.
/// </summary>
public sealed class ApiForgeryTests(Hosts hosts)
{
    private const string Password = "Nouveau-compte-2026";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_change_from_another_origin_is_refused_and_changes_nothing(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await SignInWithoutBrowserHeadersAsync(host, "admin");

        var crossOrigin = await PostStaffAsync(admin, host, request => request.Headers.Add("Origin", "https://attacker.example"));
        var crossSite = await PostStaffAsync(admin, host, request =>
        {
            request.Headers.Add("Origin", host.Address.GetLeftPart(UriPartial.Authority));
            request.Headers.Add("Sec-Fetch-Site", "cross-site");
        });
        var sameSite = await PostStaffAsync(admin, host, request => request.Headers.Add("Sec-Fetch-Site", "same-site"));
        var nullOrigin = await PostStaffAsync(admin, host, request => request.Headers.Add("Origin", "null"));
        var neither = await PostStaffAsync(admin, host, _ => { });

        foreach (var (response, email) in new[] { crossOrigin, crossSite, sameSite, nullOrigin, neither })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(await host.QueryAsync(c => c.Staff.AnyAsync(s => s.Email == email)), $"{email} was created by a refused request.");
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_change_from_this_origin_is_accepted_whether_the_browser_sends_fetch_metadata_or_only_origin(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await SignInWithoutBrowserHeadersAsync(host, "admin");

        var withMetadata = await PostStaffAsync(admin, host, request => request.Headers.Add("Sec-Fetch-Site", "same-origin"));
        var withOrigin = await PostStaffAsync(admin, host, request => request.Headers.Add("Origin", host.Address.GetLeftPart(UriPartial.Authority)));

        Assert.Equal(HttpStatusCode.Created, withMetadata.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, withOrigin.Response.StatusCode);
        Assert.True(await host.QueryAsync(c => c.Staff.AnyAsync(s => s.Email == withOrigin.Email)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_change_not_sent_as_JSON_is_refused_with_415_even_without_a_body(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var created = await admin.PostAsJsonAsync("/api/staff", NewAdvisor(await DakarAsync(host), NewEmail()));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var email = NewEmail();

        var form = await admin.PostAsync("/api/staff", new FormUrlEncodedContent(new Dictionary<string, string> { ["displayName"] = "Awa Ndiaye", ["email"] = email }));
        var text = await admin.PostAsync("/api/staff", new StringContent(JsonSerializer.Serialize(NewAdvisor(await DakarAsync(host), email)), Encoding.UTF8, "text/plain"));
        var bodyless = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/{id}/deactivate") { Content = new ByteArrayContent([]) };
        var withoutType = await admin.SendAsync(bodyless);
        var stillActive = await host.QueryAsync(c => c.Staff.Where(s => s.Id == id).Select(s => s.DeactivatedAt == null).SingleAsync());
        var asJson = await admin.PostAsync($"/api/staff/{id}/deactivate", null);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal("application/problem+json", text.Content.Headers.ContentType?.MediaType);
        Assert.False(await host.QueryAsync(c => c.Staff.AnyAsync(s => s.Email == email)));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, withoutType.StatusCode);
        Assert.True(stillActive);
        Assert.True(asJson.IsSuccessStatusCode, $"The deactivation sent as JSON answered {(int)asJson.StatusCode}.");
        Assert.False(await host.QueryAsync(c => c.Staff.Where(s => s.Id == id).Select(s => s.DeactivatedAt == null).SingleAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Signed_webhooks_need_neither_origin_nor_JSON_checks_even_from_a_client_holding_a_staff_cookie(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = await SignInWithoutBrowserHeadersAsync(host, "admin");

        var response = await client.PostSignedAsync("/api/channels/sms", new { id = Guid.NewGuid().ToString(), from = "0" + Contacts.NewMobile()[3..], to = "36000", text = "Bonjour, ma carte de fidélité ne fonctionne plus.", activity = "ECOMMERCE" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A client that sends only what a test writes: no Origin, no Sec-Fetch-Site, no content type of its own.</summary>
    private static async Task<HttpClient> SignInWithoutBrowserHeadersAsync(ComptoirHost host, string mailbox)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = host.Address };
        var response = await StaffSession.PostSignInAsync(client, StaffSession.Demo(mailbox), Comptoir.Features.DemoData.DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<(HttpResponseMessage Response, string Email)> PostStaffAsync(HttpClient client, ComptoirHost host, Action<HttpRequestMessage> headers)
    {
        var email = NewEmail();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff") { Content = JsonContent.Create(NewAdvisor(await DakarAsync(host), email)) };
        headers(request);
        return (await client.SendAsync(request), email);
    }

    private static object NewAdvisor(int siteId, string email) =>
        new { displayName = "Awa Ndiaye", email, role = "Advisor", siteId, password = Password };

    private static string NewEmail() => $"awa.ndiaye.{Guid.NewGuid():N}@example.test";

    private static Task<int> DakarAsync(ComptoirHost host) =>
        host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == "DAKAR").Select(s => s.Id).SingleAsync());
}
