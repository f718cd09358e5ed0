using System.Net;
using System.Text.Json;
using Comptoir.Tests.Infrastructure;

namespace Comptoir.Tests.Features.Setup;

/// <summary>What the set-up tests read back from the API and post through pages.</summary>
internal static class SetupClient
{
    /// <summary>The id of a record the API has just created.</summary>
    public static async Task<int> CreatedIdAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
    }

    /// <summary>The first message per field of a 400 validation problem, fields compared without case.</summary>
    public static async Task<Dictionary<string, string>> FieldErrorsAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name, e => e.Value[0].GetString()!, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Posts a page's form with the antiforgery token of the page it comes from.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var form = await client.GetStringAsync(formPage ?? url);
        return await client.PostAsync(url, new FormUrlEncodedContent(
            fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", StaffSession.AntiforgeryToken(form)))));
    }

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
