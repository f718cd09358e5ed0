using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Comptoir.Tests.Features.Channels;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Platform;

/// <summary>
/// PostgreSQL stores no text holding a NUL character and refuses one even as a query parameter: a NUL sent in a
/// JSON string, a form or a query string is refused with 400 naming its field, never a 500, and nothing is stored.
/// </summary>
public sealed class NulCharacterTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_note_holding_a_NUL_is_refused_with_its_field_and_not_stored(Db db)
    {
        var host = await hosts.GetAsync(db);
        var contact = await host.EmailAsync(Contacts.NewEmail("nul"), "ECOMMERCE");
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var marker = "note-" + Guid.NewGuid().ToString("N")[..8];

        using var content = new StringContent($$"""{"body":"{{marker}} avant\u0000après"}""", Encoding.UTF8, "application/json");
        var refused = await admin.PostAsync($"/api/conversations/{contact.ConversationId}/notes", content);
        var accepted = await admin.PostAsJsonAsync($"/api/conversations/{contact.ConversationId}/notes", new { body = marker + " sans caractère nul" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("\"body\" contains a NUL character", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(accepted.IsSuccessStatusCode, $"{accepted.StatusCode}");
        var stored = await host.QueryAsync(c => c.Messages.Where(m => m.Body.StartsWith(marker)).Select(m => m.Body).ToListAsync());
        Assert.Equal([marker + " sans caractère nul"], stored);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_public_form_holding_a_NUL_shows_why_it_was_refused_and_stores_nothing(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var marker = "formulaire-" + Guid.NewGuid().ToString("N")[..8];

        var response = await WebFormTests.PostFormAsync(client, "/contact", Contacts.NewEmail("nul"), "ECOMMERCE", marker + " mon colis\0 est perdu");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Un champ contient un caractère nul", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await host.QueryAsync(c => c.Messages.CountAsync(m => m.Body.StartsWith(marker))));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_search_holding_a_NUL_is_refused_like_any_other_field(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));

        var api = await advisor.GetAsync("/api/customers?q=dupont%00");
        var page = await advisor.GetAsync("/app/clients?q=dupont%00");

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
    }
}
