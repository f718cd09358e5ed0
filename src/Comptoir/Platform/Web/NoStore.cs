namespace Comptoir.Platform.Web;

/// <summary>
/// Pages and API answers carry customer data and a member's session: no browser, proxy or shared cache may
/// keep them. Static files are served before this runs and keep their own caching.
/// </summary>
public static class NoStore
{
    public static IApplicationBuilder UseNoStore(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.Pragma = "no-cache";
            return next(context);
        });
}
