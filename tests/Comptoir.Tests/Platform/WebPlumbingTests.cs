using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comptoir.Platform.Web;
using Comptoir.Tests.Infrastructure;

namespace Comptoir.Tests.Platform;

public sealed partial class WebPlumbingTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Health_endpoints_answer_without_signing_in_and_ready_checks_the_database(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_answers_503_when_the_database_is_unreachable()
    {
        await using var database = await TestDatabase.CreateAsync(Db.Sqlite);
        await using var host = new ComptoirHost(database, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Demo:SeedOnFirstRun"] = "false",
            ["ConnectionStrings:Comptoir"] = "Data Source=/nonexistent-folder/sub/comptoir.db;Mode=ReadOnly",
        });
        using var client = host.CreateBrowserlessClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Every_response_carries_a_content_security_policy_and_security_headers(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();

        var response = await client.GetAsync("/magasins");

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("script-src 'self'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_OpenAPI_document_describes_the_HTTP_API(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/stores/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/sites/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/staff", out _));
        Assert.True(paths.TryGetProperty("/api/public/stores", out _));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_API_answers_401_problem_details_instead_of_redirecting_to_the_sign_in_page(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();

        var api = await client.GetAsync("/api/stores");
        var page = await client.GetAsync("/app");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/connexion", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_unknown_record_is_a_problem_details_404_with_a_trace_id(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = await host.SignInAsync(StaffSession.Demo("admin"));

        var response = await client.GetAsync("/api/stores/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.TryGetProperty("traceId", out _));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();

        var response = await client.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = StaffSession.Demo("admin"),
            ["Form.Password"] = Comptoir.Features.DemoData.DemoAccounts.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("comptoir.staff", StringComparison.Ordinal)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_missing_page_shows_a_friendly_404_page(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();

        var response = await client.GetAsync("/magasins/nulle-part");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_page_writes_an_inline_style_that_the_content_security_policy_would_block()
    {
        var pages = Directory.EnumerateFiles(SourceTree.App, "*.cshtml", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(pages);

        var offending = pages
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => InlineStyle().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(SourceTree.App, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, "style-src 'self' blocks inline styles; use a class of site.css:\n" + string.Join("\n", offending));
    }

    [GeneratedRegex(@"(\sstyle\s*=|<style[\s>])", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Customer_data_in_API_answers_and_pages_is_never_kept_by_a_cache_but_static_files_may_be(Db db)
    {
        var host = await hosts.GetAsync(db);
        var contact = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));

        var customer = await admin.GetAsync($"/api/customers/{contact.CustomerId}");
        var conversation = await admin.GetAsync($"/app/conversations/{contact.ConversationId}");
        var stylesheet = await admin.GetAsync("/css/site.css");

        foreach (var response in new[] { customer, conversation })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri} may be stored: Cache-Control {response.Headers.CacheControl}.");
            Assert.Contains("no-cache", response.Headers.Pragma.Select(p => p.Name));
        }

        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.False(stylesheet.Headers.CacheControl?.NoStore ?? false);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_return_address_with_a_control_character_leads_home_on_sign_in_and_on_the_language_switch(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var token = StaffSession.AntiforgeryToken(await client.GetStringAsync("/connexion"));

        // Browsers drop the tab: "/\t/evil.example" is "//evil.example" to them.
        var language = await client.PostAsync("/langue", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "fr",
            ["returnUrl"] = "/\t/evil.example",
            ["__RequestVerificationToken"] = token,
        }));
        var signIn = await client.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = StaffSession.Demo("conseiller.evry"),
            ["Form.Password"] = Comptoir.Features.DemoData.DemoAccounts.Password,
            ["ReturnUrl"] = "/\n/evil.example",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        Assert.Equal("/", language.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/app", signIn.Headers.Location!.OriginalString);
    }
}
