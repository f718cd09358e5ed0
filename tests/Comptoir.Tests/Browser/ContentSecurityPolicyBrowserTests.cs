using System.Text.RegularExpressions;
using Comptoir.Tests.Features.Causes;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Comptoir.Tests.Browser;

/// <summary>
/// The content security policy allows no inline style or script: a page of the app that wrote a <c>style</c>
/// attribute would be shown without that layout, and the browser reports the violation.
/// </summary>
public sealed class ContentSecurityPolicyBrowserTests(CauseHosts hosts, Infrastructure.Browser browser) : IClassFixture<CauseHosts>
{
    // Runs before any script of each page (injected by the browser's debugging protocol, which the policy does
    // not govern) and keeps every violation the page reports.
    private const string RecordViolations =
        "window.__violations = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || e.sample || '') + ' on ' + (e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 200) : String(e.target))));";

    // Violations are reported in a task of their own: wait for a frame and a task past the page's load first.
    private const string ReadViolations =
        "() => new Promise(done => requestAnimationFrame(() => setTimeout(() => done(window.__violations), 0)))";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_sign_in_profile_routing_and_taxonomy_pages_break_no_rule_of_the_content_security_policy(Db db)
    {
        var host = await hosts.GetAsync(db);
        var advisor = await host.QueryAsync(c => c.Staff.Where(s => s.Email == StaffSession.Demo("conseiller.evry")).Select(s => s.Id).SingleAsync());
        await using var context = await browser.NewContextAsync(host.Address);
        await context.AddInitScriptAsync(RecordViolations);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                console.Add(message.Text);
            }
        };

        await page.GotoAsync("/connexion");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" })).ToBeVisibleAsync();
        await AssertNoViolationAsync(page, "/connexion");
        await EmergingIrritantsBrowserTests.SignInAsync(page, "admin");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app"));

        await page.GotoAsync($"/app/equipe/{advisor}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Désactiver le compte" })).ToBeVisibleAsync();
        await AssertNoViolationAsync(page, "profile");

        await page.GotoAsync("/app/admin/routage");
        var trial = page.GetByRole(AriaRole.Region, new() { Name = "Essayer le routage" });
        await trial.GetByLabel("Canal").SelectOptionAsync(new SelectOptionValue { Label = "E-mail" });
        await trial.GetByRole(AriaRole.Button, new() { Name = "Essayer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("File :");
        await AssertNoViolationAsync(page, "routing rules");

        await page.GotoAsync("/app/admin/causes");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "payment" }).First).ToBeVisibleAsync();
        await AssertNoViolationAsync(page, "taxonomy");

        Assert.Empty(console);
    }

    private static async Task AssertNoViolationAsync(IPage page, string where)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var violations = await page.EvaluateAsync<string[]>(ReadViolations);
        Assert.True(violations.Length == 0, $"The {where} page broke the content security policy: {string.Join("; ", violations)}");
    }
}
