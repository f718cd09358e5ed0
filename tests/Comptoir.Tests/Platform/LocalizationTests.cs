using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Comptoir.Features.Channels.WebForm;
using Comptoir.Features.Conversations;
using Comptoir.Features.Customers;
using Comptoir.Features.Staff;
using Comptoir.Platform.Localization;
using Comptoir.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Comptoir.Tests.Platform;

public sealed partial class LocalizationTests(Hosts hosts)
{
    [Fact]
    public async Task Every_French_text_has_an_English_translation()
    {
        var host = await hosts.GetAsync(Db.Sqlite);
        var localizer = host.Services.GetRequiredService<IStringLocalizer<Texts>>();
        var keys = UsedKeys();

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(LocalizationSetup.English);
        try
        {
            var missing = keys.Where(key => localizer[key].ResourceNotFound).ToList();
            Assert.True(missing.Count == 0, "No English for: " + string.Join(" | ", missing) + ". Run scripts/translations.py.");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        Assert.Contains("Nos magasins", keys);
    }

    [Fact]
    public void No_two_translation_keys_differ_only_by_case()
    {
        // Resource names are case-insensitive: of two such keys the build keeps one and warns.
        var resx = System.Xml.Linq.XDocument.Load(Path.Combine(SourceTree.App, "Platform", "Localization", "Texts.en.resx"));
        var names = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();

        var clashes = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();

        Assert.True(names.Count > 100, "The resx was not read.");
        Assert.True(clashes.Count == 0, "Keys differing only by case: " + string.Join(" | ", clashes));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Pages_are_French_first_and_switch_to_English_on_request(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();

        var french = await client.GetStringAsync("/magasins");
        var token = StaffSession.AntiforgeryToken(french);
        var switched = await client.PostAsync("/langue", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = LocalizationSetup.English,
            ["returnUrl"] = "/magasins",
            ["__RequestVerificationToken"] = token,
        }));
        var english = await client.GetStringAsync("/magasins");

        Assert.Contains("<html lang=\"fr\">", french, StringComparison.Ordinal);
        Assert.Contains("Nos magasins", french, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/magasins", switched.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Our stores", english, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_language_switch_never_redirects_to_another_site(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var token = StaffSession.AntiforgeryToken(await client.GetStringAsync("/"));

        var response = await client.PostAsync("/langue", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "//evil.example/phish",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    private static HashSet<string> UsedKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SourceTree.App, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            keys.UnionWith(LocalizerKey().Matches(text).Select(m => m.Groups[1].Value));
            keys.UnionWith(ErrorMessageKey().Matches(text).Select(m => m.Groups[1].Value));
            keys.UnionWith(ActionRefusedKey().Matches(text).Select(m => m.Groups[1].Value));
        }

        keys.UnionWith(Enum.GetValues<StaffRole>().Select(RoleLabels.Of));
        keys.UnionWith(Enum.GetValues<Channel>().Select(ConversationLabels.Of));
        keys.UnionWith(Enum.GetValues<ConversationStatus>().Select(ConversationLabels.Of));
        keys.UnionWith(Enum.GetValues<IdentityKind>().Select(CustomerLabels.Of));
        keys.UnionWith(CloseReasons.All);
        keys.UnionWith(ContactFormModel.Topics.Select(t => t.Topic));
        return keys;
    }

    [GeneratedRegex("""\b[Tt]\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(""""(?:ConversationActionException|CustomerMergeException)\("((?:[^"\\]|\\.)+)"\)"""")]
    private static partial Regex ActionRefusedKey();

    [GeneratedRegex(""""ErrorMessage = "((?:[^"\\]|\\.)+)"""")]
    private static partial Regex ErrorMessageKey();
}
