using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Comptoir.Platform.Web;

/// <summary>
/// Behind a reverse proxy that ends TLS, the app sees the proxy's address and plain HTTP. The proxy's
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the addresses listed under
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges):
/// from anyone else they could be forged, so by default, with none listed, they are ignored. Once believed,
/// the client's address is the one rate limits count, and an HTTPS request gets secure cookies and HSTS.
/// </summary>
public static class BehindProxy
{
    public static IServiceCollection AddKnownProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        var parsedProxies = proxies.Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies holds '{p}', which is not an IP address.")).ToList();
        var parsedNetworks = networks.Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks holds '{n}', which is not a CIDR range such as 10.0.0.0/8.")).ToList();

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // ASP.NET Core trusts loopback by default: a process on the same machine could then claim any client.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            parsedProxies.ForEach(options.KnownProxies.Add);
            parsedNetworks.ForEach(options.KnownIPNetworks.Add);
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }
}
