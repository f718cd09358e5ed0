using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Features.Stores;
using Comptoir.Tests.Infrastructure;

namespace Comptoir.Tests.Features.Stores;

public sealed class StoreDirectoryTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Customers_find_a_store_without_accents_or_capitals(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();

        var byCity = await client.GetFromJsonAsync<JsonElement>("/api/public/stores?q=EVRY");
        var byPostalCode = await client.GetFromJsonAsync<JsonElement>("/api/public/stores?q=91000");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/magasins?q=evry"));

        Assert.Equal("evry-2", byCity.GetProperty("items")[0].GetProperty("slug").GetString());
        Assert.Equal(1, byPostalCode.GetProperty("total").GetInt32());
        Assert.Contains("Hypermarché Évry 2", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_store_page_shows_its_director_photo_and_mobile_to_anyone(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var director = await host.QueryAsync(c => Task.FromResult(c.Staff.Single(m => m.Email == StaffSession.Demo("directeur.h001"))));

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/magasins/evry-2"));
        var portrait = await client.GetAsync("/magasins/evry-2/directeur.svg");

        Assert.Contains(director.DisplayName, page, StringComparison.Ordinal);
        Assert.Contains("06 39 98 00 01", page, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:+33639980001\"", page, StringComparison.Ordinal);
        Assert.Contains("Si vous avez un problème, contactez-moi.", page, StringComparison.Ordinal);
        Assert.Equal("image/svg+xml", portrait.Content.Headers.ContentType?.MediaType);
        Assert.Contains(string.Concat(director.DisplayName.Split(' ').Select(p => p[0])), await portrait.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_portrait_placeholder_escapes_the_name()
    {
        var svg = DirectorPortrait.Render("<script>x</script> O'Neil");

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_directory_lists_every_store_page_by_page(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();

        var first = await client.GetFromJsonAsync<JsonElement>("/api/public/stores?size=8&page=1");
        var third = await client.GetFromJsonAsync<JsonElement>("/api/public/stores?size=8&page=3");

        Assert.Equal(20, first.GetProperty("total").GetInt32());
        Assert.Equal(8, first.GetProperty("items").GetArrayLength());
        Assert.Equal(4, third.GetProperty("items").GetArrayLength());
    }
}
