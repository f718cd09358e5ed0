using System.Net;
using System.Net.Sockets;

namespace Comptoir.Features.Staff.Sessions;

/// <summary>
/// The client address sign-in counts failures against and remembers sessions by. An IPv6 client is its /64
/// network: one subscriber usually holds a whole /64 and could otherwise take a fresh address per attempt.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
