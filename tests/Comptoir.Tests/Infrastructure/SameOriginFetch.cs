using System.Net.Http.Headers;

namespace Comptoir.Tests.Infrastructure;

/// <summary>
/// Makes a test's state-changing request look like the browser's own when a page of the app sends it: the
/// browser adds <c>Origin</c> and <c>Sec-Fetch-Site: same-origin</c>, and the app's scripts send JSON, with an
/// empty JSON body when there is nothing to send. What a test sets itself is kept, so a test can play a
/// cross-site page or a form.
/// </summary>
public sealed class SameOriginFetch(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && request.RequestUri is { } uri)
        {
            if (!request.Headers.Contains("Origin"))
            {
                request.Headers.Add("Origin", uri.GetLeftPart(UriPartial.Authority));
            }

            if (!request.Headers.Contains("Sec-Fetch-Site"))
            {
                request.Headers.Add("Sec-Fetch-Site", "same-origin");
            }

            if (request.Content is null && uri.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
            {
                request.Content = new ByteArrayContent([]);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
