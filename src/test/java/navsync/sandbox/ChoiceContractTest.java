package navsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Choice columns with their valid values [E-ACCOUNT, E-CONTACT]: statecode/statuscode, customertypecode, and the
 * option sets the NAV mappings write (paymenttermscode, address1_freighttermscode, address1_shippingmethodcode);
 * anything else is 400.
 */
class ChoiceContractTest extends SandboxTestBase {

    @ParameterizedTest
    @CsvSource({
        "customertypecode, 1, 12, 13",
        "customertypecode, 3, 12, 0",
        "accountcategorycode, 1, 2, 3",
        "paymenttermscode, 1, 4, 5",
        "address1_freighttermscode, 1, 2, 3",
        "address1_shippingmethodcode, 1, 7, 8",
        "address1_addresstypecode, 1, 4, 0",
    })
    void accountChoicesAcceptTheirValuesOnly(String column, int first, int last, int invalid) {
        UUID id = createAccount("{\"name\":\"c\",\"" + column + "\":" + first + "}");
        api.patch("accounts(" + id + ")", "{\"" + column + "\":" + last + "}").expect(204);
        assertEquals(last, sandbox.row("accounts", id).orElseThrow().get(column));
        WebApi.Resp r = api.patch("accounts(" + id + ")", "{\"" + column + "\":" + invalid + "}").expect(400);
        assertEquals("0x80044331", r.errorCode());
        assertThat(r.errorMessage()).contains(column).contains("outside the valid range");
        api.post("accounts", "{\"name\":\"d\",\"" + column + "\":" + invalid + "}").expect(400);
        api.post("accounts", "{\"name\":\"d\",\"" + column + "\":\"" + first + "\"}").expect(400);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 1, 204",
        "1, 2, 204",
        "1, 1, 400",
        "0, 2, 400",
        "2, 1, 400",
        "0, 3, 400",
    })
    void stateAndStatusPairs(int state, int status, int expected) {
        UUID id = createAccount("{\"name\":\"s\"}");
        api.patch("accounts(" + id + ")", "{\"statecode\":" + state + ",\"statuscode\":" + status + "}").expect(expected);
        UUID contact = api.post("contacts", "{\"lastname\":\"s\"}").expect(204).entityId();
        api.patch("contacts(" + contact + ")", "{\"statecode\":" + state + ",\"statuscode\":" + status + "}")
                .expect(expected);
    }

    @ParameterizedTest
    @CsvSource({"1, 204", "2, 400"})
    void contactCustomerTypeCode(int value, int expected) {
        api.post("contacts", "{\"lastname\":\"t\",\"customertypecode\":" + value + "}").expect(expected);
    }
}
