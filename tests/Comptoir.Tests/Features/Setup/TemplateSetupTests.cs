using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Features.Setup;

/// <summary>
/// Answer templates managed by administrators and in-house supervisors are what advisors find in their reply form. These
/// tests change the templates every conversation offers, so they run on hosts of their own.
/// </summary>
public sealed partial class TemplateSetupTests(FreshHosts hosts) : IClassFixture<FreshHosts>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_template_created_and_edited_is_previewed_filled_and_offered_in_the_advisors_reply_form(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        using var supervisor = await host.SignInAsync(StaffSession.Demo("superviseur.evry"));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        var ecommerce = await host.ActivityAsync("ECOMMERCE");
        var supervisorName = await host.QueryAsync(c => c.Staff.Where(m => m.Email == StaffSession.Demo("superviseur.evry")).Select(m => m.DisplayName).SingleAsync());
        var contact = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");

        var id = await (await admin.PostAsJsonAsync("/api/setup/templates", new
        {
            name = "Colis en retard",
            language = "FR",
            activityId = ecommerce,
            body = "Bonjour {client},\n\nVotre colis a pris du retard.\n\n{conseiller}",
        })).CreatedIdAsync();
        var edited = await supervisor.PutAsJsonAsync($"/api/setup/templates/{id}", new
        {
            name = "Colis en retard",
            language = "fr",
            activityId = ecommerce,
            body = "Bonjour {client},\n\nVotre colis ({reference}) a pris du retard.\n\n{conseiller}",
        });
        using var sample = JsonDocument.Parse(await (await supervisor.PostAsJsonAsync("/api/setup/templates/preview", new { body = "Bonjour {client}, dossier {reference}. {conseiller}" })).Content.ReadAsStringAsync());
        using var forConversation = JsonDocument.Parse(await (await admin.PostAsJsonAsync("/api/setup/templates/preview", new { body = "Dossier {reference}", conversationId = contact.ConversationId })).Content.ReadAsStringAsync());
        var missing = await (await admin.PostAsJsonAsync("/api/setup/templates/preview", new { body = "Dossier {reference}", conversationId = 999_999_999 })).FieldErrorsAsync();
        var pagePreview = await admin.PostFormAsync("/app/admin/modeles/nouveau?handler=Preview", new Dictionary<string, string>
        {
            ["Form.Name"] = "Jamais enregistré",
            ["Form.Language"] = "fr",
            ["Form.Body"] = "Bonjour {client}, votre demande {reference} est prise en charge.",
        }, formPage: "/app/admin/modeles/nouveau");
        await advisor.PostAsync($"/api/conversations/{contact.ConversationId}/take", null);
        var form = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/app/conversations/{contact.ConversationId}"));
        var filled = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/app/conversations/{contact.ConversationId}?modele={id}"));
        var asAdvisor = await advisor.GetAsync("/api/setup/templates");
        var list = WebUtility.HtmlDecode(await supervisor.GetStringAsync($"/app/admin/modeles?activite={ecommerce}&langue=fr"));

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Bonjour Camille Martin, dossier 123456. " + supervisorName, sample.RootElement.GetProperty("text").GetString());
        Assert.Equal($"Dossier {contact.ConversationId}", forConversation.RootElement.GetProperty("text").GetString());
        Assert.Contains("999999999", missing["ConversationId"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, pagePreview.StatusCode);
        Assert.Contains("Bonjour Camille Martin, votre demande 123456 est prise en charge.", await pagePreview.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await host.QueryAsync(c => c.AnswerTemplates.AnyAsync(t => t.Name == "Jamais enregistré")));
        Assert.Contains($"<option value=\"{id}\">Colis en retard</option>", form, StringComparison.Ordinal);
        Assert.Contains($"Votre colis ({contact.ConversationId}) a pris du retard.", filled, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, asAdvisor.StatusCode);
        Assert.Contains($"href=\"/app/admin/modeles/{id}\">Colis en retard</a>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("We are on it", list, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_outsourced_supervisor_reads_the_group_templates_but_cannot_change_them(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        using var outsourced = await host.SignInAsync(StaffSession.Demo("superviseur.tunis"));
        var body = "Bonjour {client}, nous revenons vers vous.";
        var id = await (await admin.PostAsJsonAsync("/api/setup/templates", new { name = "Réservé au groupe", language = "fr", body })).CreatedIdAsync();
        var change = new { name = "Modifié par un partenaire", language = "fr", body = "Texte du partenaire." };

        var read = await outsourced.GetAsync($"/api/setup/templates/{id}");
        var list = await outsourced.GetStringAsync("/app/admin/modeles");
        var token = StaffSession.AntiforgeryToken(list);
        var refused = new Dictionary<string, HttpResponseMessage>
        {
            ["API update"] = await outsourced.PutAsJsonAsync($"/api/setup/templates/{id}", change),
            ["API disable"] = await outsourced.PostAsync($"/api/setup/templates/{id}/disable", null),
            ["API enable"] = await outsourced.PostAsync($"/api/setup/templates/{id}/enable", null),
            ["API create"] = await outsourced.PostAsJsonAsync("/api/setup/templates", change),
        };
        var pages = new Dictionary<string, HttpResponseMessage>
        {
            ["page disable"] = await outsourced.PostAsync($"/app/admin/modeles?handler=Disable&id={id}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])),
            ["page edit"] = await outsourced.PostAsync($"/app/admin/modeles/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Form.Name"] = change.name,
                ["Form.Language"] = change.language,
                ["Form.Body"] = change.body,
            })),
            ["page edit form"] = await outsourced.GetAsync($"/app/admin/modeles/{id}"),
            ["page new form"] = await outsourced.GetAsync("/app/admin/modeles/nouveau"),
        };
        var template = await host.QueryAsync(c => c.AnswerTemplates.AsNoTracking().SingleAsync(t => t.Id == id));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("Réservé au groupe", WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/app/admin/modeles/{id}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Disable", list, StringComparison.Ordinal);
        foreach (var (what, response) in refused)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what} answered {(int)response.StatusCode}, not 403.");
        }

        foreach (var (what, response) in pages)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/acces-refuse", StringComparison.Ordinal),
                $"{what} answered {(int)response.StatusCode} {response.Headers.Location}, not the access-denied page.");
        }

        Assert.Equal("Réservé au groupe", template.Name);
        Assert.Equal(body, template.Body);
        Assert.Null(template.DisabledAt);
        Assert.False(await host.QueryAsync(c => c.AnswerTemplates.AnyAsync(t => t.Name == change.name)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_template_is_refused_per_field_with_a_taken_title_an_unknown_placeholder_or_language_and_no_body(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var ecommerce = await host.ActivityAsync("ECOMMERCE");

        var errors = await (await admin.PostAsJsonAsync("/api/setup/templates", new
        {
            name = "accusé de prise en charge",
            language = "fr",
            body = "Bonjour {prenom}, votre dossier {reference} est suivi par {conseiller}.",
        })).FieldErrorsAsync();
        var language = await (await admin.PostAsJsonAsync("/api/setup/templates", new { name = "Inconnue", language = "xx", body = "Bonjour {client}" })).FieldErrorsAsync();
        var empty = await (await admin.PostAsJsonAsync("/api/setup/templates", new { name = "", language = "fr", body = "" })).FieldErrorsAsync();
        var sameTitleOtherActivity = await admin.PostAsJsonAsync("/api/setup/templates", new { name = "Accusé de prise en charge", language = "fr", activityId = ecommerce, body = "Bonjour {client}" });
        var page = await admin.PostFormAsync("/app/admin/modeles/nouveau", new Dictionary<string, string>
        {
            ["Form.Name"] = "Remboursement accordé",
            ["Form.Language"] = "fr",
            ["Form.ActivityId"] = "",
            ["Form.Body"] = "Bonjour {Client}",
        });
        var html = await page.HtmlAsync();

        Assert.Contains("« accusé de prise en charge »", errors["Name"], StringComparison.Ordinal);
        Assert.Contains("{prenom}", errors["Body"], StringComparison.Ordinal);
        Assert.Contains("deux lettres", language["Language"], StringComparison.Ordinal);
        Assert.Contains("titre", empty["Name"], StringComparison.Ordinal);
        Assert.Contains("texte du modèle", empty["Body"], StringComparison.Ordinal);
        await sameTitleOtherActivity.CreatedIdAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("s'appelle déjà « Remboursement accordé »", html, StringComparison.Ordinal);
        Assert.Contains("Espace réservé inconnu : {Client}", html, StringComparison.Ordinal);
        Assert.Equal(1, await host.QueryAsync(c => c.AnswerTemplates.CountAsync(t => t.Name == "Remboursement accordé")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_disabled_template_leaves_the_advisors_reply_form_and_comes_back_when_enabled_again(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller2.evry"));
        var contact = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");
        await advisor.PostAsync($"/api/conversations/{contact.ConversationId}/take", null);
        var id = await (await admin.PostAsJsonAsync("/api/setup/templates", new { name = "Bientôt retiré", language = "fr", body = "Bonjour {client}, offre terminée." })).CreatedIdAsync();
        var conversationPage = $"/app/conversations/{contact.ConversationId}";
        var option = $"<option value=\"{id}\">Bientôt retiré</option>";

        var offered = await advisor.GetStringAsync(conversationPage);
        var disabled = await admin.PostAsync($"/api/setup/templates/{id}/disable", null);
        var afterDisabling = WebUtility.HtmlDecode(await advisor.GetStringAsync(conversationPage));
        var staleChoice = WebUtility.HtmlDecode(await advisor.GetStringAsync($"{conversationPage}?modele={id}"));
        using var listed = JsonDocument.Parse(await admin.GetStringAsync("/api/setup/templates?language=fr"));
        var adminList = await admin.GetStringAsync("/app/admin/modeles");
        var enabled = await admin.PostFormAsync($"/app/admin/modeles?handler=Enable&id={id}", [], formPage: "/app/admin/modeles");
        var afterEnabling = WebUtility.HtmlDecode(await advisor.GetStringAsync(conversationPage));
        var unknown = await admin.PostAsync("/api/setup/templates/999999/disable", null);

        Assert.Contains(option, WebUtility.HtmlDecode(offered), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        Assert.DoesNotContain("Bientôt retiré", afterDisabling, StringComparison.Ordinal);
        Assert.DoesNotContain("offre terminée", staleChoice, StringComparison.Ordinal);
        Assert.False(listed.RootElement.EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == id).GetProperty("enabled").GetBoolean());
        Assert.Contains(FormQueries().Matches(WebUtility.HtmlDecode(adminList)), m => m.Groups[1].Value.Split('&').Order().SequenceEqual(["handler=Enable", $"id={id}"]));
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains(option, afterEnabling, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Null(await host.QueryAsync(c => c.AnswerTemplates.Where(t => t.Id == id).Select(t => t.DisabledAt).SingleAsync()));
    }

    /// <summary>The query strings the list's forms post to.</summary>
    [GeneratedRegex("<form method=\"post\" class=\"inline\" action=\"/app/admin/modeles\\?([^\"]*)\"")]
    private static partial Regex FormQueries();
}
