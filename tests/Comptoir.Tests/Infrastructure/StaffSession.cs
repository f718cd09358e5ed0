using System.Net;
using System.Text.RegularExpressions;
using Comptoir.Features.DemoData;

namespace Comptoir.Tests.Infrastructure;

public static partial class StaffSession
{
    /// <summary>The full address of a demo account, e.g. <c>Demo("directeur.h001")</c>.</summary>
    public static string Demo(string mailbox) => $"{mailbox}@{DemoAccounts.Domain}";

    /// <summary>Signs in through the real sign-in form, antiforgery token and all, and returns the signed-in client.</summary>
    public static async Task<HttpClient> SignInAsync(this ComptoirHost host, string email, string password = DemoAccounts.Password)
    {
        var client = host.CreateBrowserlessClient();
        var response = await PostSignInAsync(client, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} answered {(int)response.StatusCode}, not a redirect.");
        return client;
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/connexion");
        return await client.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
