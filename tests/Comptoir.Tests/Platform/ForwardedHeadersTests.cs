using System.Net;
using Comptoir.Tests.Infrastructure;

namespace Comptoir.Tests.Platform;

/// <summary>
/// Behind a TLS-terminating proxy listed under <c>ForwardedHeaders:KnownProxies</c>, the app sees the client's
/// address and scheme; headers of that name from anyone else are ignored, since any client could send them.
/// </summary>
public sealed class ForwardedHeadersTests
{
    // A name rather than the loopback address the test host listens on: HSTS is never sent for localhost.
    private const string PublicHost = "comptoir.example";

    [Fact]
    public async Task Behind_a_known_proxy_an_https_client_gets_a_secure_cookie_HSTS_and_a_rate_limit_of_its_own()
    {
        await using var database = await TestDatabase.CreateAsync(Db.Sqlite);
        await using var host = ProxiedHost(database, knownProxy: "127.0.0.1");
        using var client = CookielessClient(host);

        var signIn = await SignInAsync(client, "203.0.113.10");
        var first = await FloodSignInAsync(client, "198.51.100.20");
        var other = await PostSignInFormAsync(client, "198.51.100.30");

        var staffCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("comptoir.staff=", StringComparison.Ordinal));
        Assert.Contains("secure", staffCookie.Split(';').Select(p => p.Trim().ToLowerInvariant()));
        Assert.StartsWith("max-age=", signIn.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, first);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_known_proxy_are_ignored()
    {
        await using var database = await TestDatabase.CreateAsync(Db.Sqlite);
        await using var host = ProxiedHost(database, knownProxy: "192.0.2.1");
        using var client = CookielessClient(host);

        var signIn = await SignInAsync(client, "203.0.113.10");
        var first = await FloodSignInAsync(client, "198.51.100.20");
        var other = await PostSignInFormAsync(client, "198.51.100.30");

        var staffCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("comptoir.staff=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", staffCookie.Split(';').Select(p => p.Trim().ToLowerInvariant()));
        Assert.False(signIn.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.TooManyRequests, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    private static ComptoirHost ProxiedHost(TestDatabase database, string knownProxy)
    {
        var host = new ComptoirHost(database, new Dictionary<string, string?>
        {
            // HSTS is left out in Development, the environment test hosts otherwise run in.
            ["environment"] = "Production",
            ["ForwardedHeaders:KnownProxies:0"] = knownProxy,
            ["RateLimits:SignInPerMinute"] = "3",
        });
        host.StartServer();
        return host;
    }

    /// <summary>Cookies are read from and written to the headers by hand: a cookie jar keeps secure cookies off plain HTTP.</summary>
    private static HttpClient CookielessClient(ComptoirHost host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.Address };

    /// <summary>The sign-in form read and posted as the proxy forwards a browser's HTTPS requests.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string clientAddress)
    {
        var response = await PostSignInFormAsync(client, clientAddress);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    /// <summary>Posts the sign-in form from one address until it is refused, at most one post past the limit.</summary>
    private static async Task<HttpStatusCode> FloodSignInAsync(HttpClient client, string clientAddress)
    {
        var status = HttpStatusCode.OK;
        for (var i = 0; i < 4 && status != HttpStatusCode.TooManyRequests; i++)
        {
            status = (await client.SendAsync(Forwarded(HttpMethod.Post, "/connexion", clientAddress, new FormUrlEncodedContent([])))).StatusCode;
        }

        return status;
    }

    private static async Task<HttpResponseMessage> PostSignInFormAsync(HttpClient client, string clientAddress)
    {
        var page = await client.SendAsync(Forwarded(HttpMethod.Get, "/connexion", clientAddress));
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var post = Forwarded(HttpMethod.Post, "/connexion", clientAddress, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = StaffSession.Demo("admin"),
            ["Form.Password"] = Comptoir.Features.DemoData.DemoAccounts.Password,
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
        }));
        post.Headers.Add("Cookie", cookies);
        return await client.SendAsync(post);
    }

    private static HttpRequestMessage Forwarded(HttpMethod method, string path, string clientAddress, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Host = PublicHost;
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }
}
