using Comptoir.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;

namespace Comptoir.Platform.Web;

/// <summary>
/// Cross-site request forgery defence of the HTTP API. A browser sends the staff cookie (<c>SameSite=Lax</c>)
/// along with a request another site of the same site (a sibling subdomain) starts, and Lax alone leaves the
/// API to the browser's goodwill. Every state-changing API call that carries the staff cookie must therefore
/// come from this origin, as the browser itself vouches for it (OWASP: Fetch Metadata first, the Origin
/// header otherwise, refused when neither is there), and send JSON: a content type that no HTML form and no
/// "simple" cross-origin request can send, so another origin cannot post one without a CORS preflight that
/// this app never grants. Webhooks and other anonymous endpoints are signed or public: they do not act for
/// a signed-in member, and servers calling them send no cookie.
/// </summary>
public static class SameOriginApiWrites
{
    public static IApplicationBuilder UseSameOriginApiWrites(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!AppliesTo(context))
            {
                await next(context);
                return;
            }

            if (!FromThisOrigin(context.Request))
            {
                await RefuseAsync(context, StatusCodes.Status403Forbidden, "Cross-site request refused",
                    "A signed-in member's change through the API must come from Comptoir's own pages: the request's Sec-Fetch-Site or Origin header names another site, or neither is there.");
                return;
            }

            if (!IsJson(context.Request.ContentType))
            {
                await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "JSON required",
                    "A signed-in member's change through the API must be sent with Content-Type: application/json, even without a body.");
                return;
            }

            await next(context);
        });

    private static bool AppliesTo(HttpContext context) =>
        WebSetup.IsApi(context)
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
             || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && context.Request.Cookies.ContainsKey(AuthSetup.CookieName)
        && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null;

    /// <summary>
    /// Sec-Fetch-Site is set by the browser and cannot be forged by a page; browsers that predate it send
    /// Origin on every state-changing request. A request with neither did not come from a current browser.
    /// </summary>
    private static bool FromThisOrigin(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"] is { Count: > 0 } site)
        {
            return string.Equals(site.ToString(), "same-origin", StringComparison.OrdinalIgnoreCase);
        }

        if (request.Headers.Origin is { Count: > 0 } origin)
        {
            return Uri.TryCreate(origin.ToString(), UriKind.Absolute, out var uri)
                   && uri.Scheme is "http" or "https"
                   && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
                   && (request.Host.Port is not { } port || port == uri.Port);
        }

        return false;
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && media.SubType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));

    private static async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
