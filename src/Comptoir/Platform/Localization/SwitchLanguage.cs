using Comptoir.Platform.Web;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Comptoir.Platform.Localization;

/// <summary>The language button: remembers the choice for a year and returns to the same page.</summary>
public static class SwitchLanguage
{
    public static WebApplication MapLanguageSwitch(this WebApplication app)
    {
        app.MapPost("/langue", Handle).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult Handle([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext context, TimeProvider time)
    {
        var chosen = LocalizationSetup.Normalize(culture);
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

        return TypedResults.LocalRedirect(SafeRedirect.LocalOr(returnUrl, "/"));
    }
}
