using System.Net;
using System.Security.Cryptography;
using System.Text;
using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Stores;

/// <summary>
/// The store director's picture on public pages. Until a photo is uploaded it is a portrait placeholder:
/// the director's initials on a colour drawn from the name, so each store's page still shows a face-sized
/// mark next to the name and mobile number.
/// </summary>
public static class DirectorPortrait
{
    private static readonly string[] Palette = ["#1d4e89", "#00798c", "#2e7d32", "#8e3b46", "#6a4c93", "#b5651d", "#37474f", "#c2185b"];

    public static async Task<Results<ContentHttpResult, NotFound>> HandleAsync(string slug, ComptoirDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var name = await db.Stores.AsNoTracking()
            .Where(s => s.Slug == slug)
            .SelectMany(s => db.Staff.Where(m => m.StoreId == s.Id && m.Role == StaffRole.StoreDirector).Select(m => m.DisplayName))
            .FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Content(Render(name), "image/svg+xml; charset=utf-8");
    }

    public static string Render(string displayName)
    {
        var initials = string.Concat(displayName
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(2)
            .Select(part => char.ToUpperInvariant(part[0])));
        var colour = Palette[SHA256.HashData(Encoding.UTF8.GetBytes(displayName))[0] % Palette.Length];
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" role="img" aria-label="{WebUtility.HtmlEncode(displayName)}">
              <rect width="120" height="120" rx="60" fill="{colour}"/>
              <circle cx="60" cy="46" r="22" fill="#ffffff" fill-opacity="0.18"/>
              <path d="M22 104c6-22 22-32 38-32s32 10 38 32" fill="#ffffff" fill-opacity="0.18"/>
              <text x="60" y="70" text-anchor="middle" font-family="sans-serif" font-size="40" font-weight="600" fill="#ffffff">{WebUtility.HtmlEncode(initials)}</text>
            </svg>
            """;
    }
}
