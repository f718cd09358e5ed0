using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Comptoir.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Tests.Features.Authorization;

/// <summary>
/// Every route of the real host, read from its route table, called by the anonymous and by every role on a
/// record of each kind that role may not see. The anonymous is refused (401 on the API, the sign-in form on
/// pages) except on the routes listed as public; a role never reads or changes a foreign record (404 or
/// 403, or the access-denied page); nothing answers 500. A route added later is called without anyone
/// listing it; one whose route parameter names a kind of value this test does not know fails it, so that
/// whoever adds it says what a foreign value is.
/// </summary>
public sealed partial class RouteMatrixTests(Hosts hosts)
{
    private sealed record Route(string Pattern, RoutePattern Parsed, string[] Methods, bool Anonymous)
    {
        public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Every_route_refuses_the_anonymous_and_every_role_outside_its_scope_and_never_fails(Db db)
    {
        var host = await hosts.GetAsync(db);
        var routes = RoutesOf(host);
        var unknown = routes.SelectMany(r => ParameterKeys(r.Parsed)).Where(k => !Parameters.ContainsKey(k)).Distinct().ToList();
        Assert.True(unknown.Count == 0, $"Route parameters this test cannot fill; say what a foreign value is in {nameof(Parameters)}: {string.Join(", ", unknown)}");
        var anonymous = routes.Where(r => r.Anonymous).Select(r => r.Pattern).ToHashSet();
        Assert.True(anonymous.SetEquals(PublicRoutes),
            $"Anonymous routes not listed as public: {string.Join(", ", anonymous.Except(PublicRoutes))}; listed but not anonymous: {string.Join(", ", PublicRoutes.Except(anonymous))}");

        var records = await RecordsAsync(host);
        var failures = new ConcurrentQueue<string>();
        await Task.WhenAll(Accounts.Select(a => CallAsSignedInAsync(host, a, routes, records, failures)).Append(CallAnonymouslyAsync(host, routes, records, failures)));

        Assert.True(failures.IsEmpty, $"{failures.Count} calls went wrong:\n{string.Join("\n", failures.Order(StringComparer.Ordinal))}");
    }

    private static List<Route> RoutesOf(ComptoirHost host) =>
    [
        .. host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching != true)
            .Select(e => new Route(
                "/" + e.RoutePattern.RawText!.TrimStart('/'),
                e.RoutePattern,
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET", "POST"],
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .DistinctBy(r => (r.Pattern, string.Join(',', r.Methods))),
    ];

    private static IEnumerable<string> ParameterKeys(RoutePattern pattern)
    {
        string previous = "";
        foreach (var segment in pattern.PathSegments)
        {
            foreach (var part in segment.Parts)
            {
                if (part is RoutePatternParameterPart parameter)
                {
                    yield return $"{previous}/{{{parameter.Name}}}";
                }
            }

            previous = string.Concat(segment.Parts.OfType<RoutePatternLiteralPart>().Select(l => l.Content));
        }
    }

    private static string Url(Route route, Func<Kind, string> fill)
    {
        var url = new StringBuilder();
        string previous = "";
        foreach (var segment in route.Parsed.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => fill(Parameters[$"{previous}/{{{parameter.Name}}}"]),
                    _ => "",
                });
            }

            previous = string.Concat(segment.Parts.OfType<RoutePatternLiteralPart>().Select(l => l.Content));
        }

        return url.Length == 0 ? "/" : url.ToString();
    }

    private static async Task CallAnonymouslyAsync(ComptoirHost host, List<Route> routes, Records records, ConcurrentQueue<string> failures)
    {
        using var client = host.CreateBrowserlessClient();
        foreach (var route in routes)
        {
            foreach (var method in route.Methods)
            {
                var url = Url(route, kind => IsRecord(kind) ? records.Foreign.GetValueOrDefault(kind, Missing).ToString(CultureInfo.InvariantCulture) : Value(kind, records));
                using var response = await SendAsync(client, method, url);
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Enqueue($"anonymous {method} {url}: {status}");
                }
                else if (route.Anonymous)
                {
                    continue;
                }
                else if (route.IsApi && response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Enqueue($"anonymous {method} {url}: {status}, not 401");
                }
                else if (!route.IsApi && !(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/connexion", StringComparison.Ordinal) == true))
                {
                    failures.Enqueue($"anonymous {method} {url}: {status} {response.Headers.Location}, not the sign-in form");
                }
            }
        }
    }

    private static async Task CallAsSignedInAsync(ComptoirHost host, string account, List<Route> routes, Records records, ConcurrentQueue<string> failures)
    {
        using var client = await host.SignInAsync(StaffSession.Demo(account));
        foreach (var route in routes.Where(r => r.Pattern != "/deconnexion"))
        {
            var kinds = ParameterKeys(route.Parsed).Select(k => Parameters[k]).ToList();
            var foreign = kinds.Any(IsRecord);
            foreach (var method in route.Methods)
            {
                // Pages change things through forms with an antiforgery token, and a change without a foreign
                // record would change the shared demo data: only reads, and changes aimed at a foreign record.
                if (method != "GET" && (!route.IsApi || !foreign))
                {
                    continue;
                }

                var url = Url(route, kind => ForeignTo(account, kind, records));
                using var response = await SendAsync(client, method, url);
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Enqueue($"{account} {method} {url}: {status}");
                }
                else if (foreign && !Refused(response) && !await SaysNothingAboutTheRecordAsync(client, route, method, response, records))
                {
                    failures.Enqueue($"{account} {method} {url}: {status} {response.Headers.Location}, not refused");
                }
            }
        }
    }

    /// <summary>
    /// A request refused as unreadable (400) before its record is looked up answers the same for a record that
    /// does not exist: it tells nothing about the foreign one, and changes nothing.
    /// </summary>
    private static async Task<bool> SaysNothingAboutTheRecordAsync(HttpClient client, Route route, string method, HttpResponseMessage response, Records records)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return false;
        }

        using var missing = await SendAsync(client, method, Url(route, kind => IsRecord(kind) ? Missing.ToString(CultureInfo.InvariantCulture) : Value(kind, records)));
        return missing.StatusCode == HttpStatusCode.BadRequest;
    }

    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/acces-refuse", StringComparison.Ordinal) == true);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET" && method != "HEAD")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
